/**
 * node-exporter-start.sh: the node exporter unit's ExecStart. Resolves this node's tailscale IPv4
 * at every start and execs the node exporter binary (its first argument: the release tarball's or
 * the distribution package's, see NODE_EXPORTER_BINARIES) bound to that address only. Runs inside
 * the unit's sandbox as its dynamic user, so it reads no root files; `tailscale ip` is a read-only
 * LocalAPI call.
 */
import { NODE_EXPORTER_PORT } from '../node-exporter-unit';

export const NODE_EXPORTER_START_SCRIPT = String.raw`#!/bin/bash
# Usage: node-exporter-start.sh BINARY [node exporter flags...]; never listens on anything but the tailnet IPv4.
set -euo pipefail

readonly BINARY=$1
shift

# 100.64.0.0/10: the only range tailscale assigns IPv4 addresses from.
readonly TAILNET_V4='^100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.[0-9]{1,3}\.[0-9]{1,3}$'

for _ in $(seq 1 30); do
  addr=$(tailscale ip -4 2>/dev/null | head -n 1) || addr=""
  if [[ $addr =~ $TAILNET_V4 ]]; then
    exec "$BINARY" --web.listen-address="$addr:${NODE_EXPORTER_PORT}" "$@"
  fi
  sleep 2
done
echo "node-exporter-start: no tailscale IPv4 after 60s; refusing to listen anywhere else" >&2
exit 1
`;
