/**
 * install-node-exporter.sh for `source: 'release-tarball'`: the pinned node exporter release,
 * checked against its pinned sha256. (`distribution-package` ships install-node-exporter-package.ts
 * under the same name instead, so the user data holds only the one that runs.)
 */
import { BOOT_ENV_PATH } from './paths';
import { NODE_EXPORTER_BINARY } from '../node-exporter-unit';

export const INSTALL_NODE_EXPORTER_SCRIPT = String.raw`#!/bin/bash
# Installs node_exporter $NODE_EXPORTER_VERSION as ${NODE_EXPORTER_BINARY} after checking its sha256.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${BOOT_ENV_PATH}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

name="node_exporter-$NODE_EXPORTER_VERSION.linux-$DERP_ARCH"
curl --proto '=https' --tlsv1.2 -fsSL --retry 5 \
  --output "$work/$name.tar.gz" \
  "https://github.com/prometheus/node_exporter/releases/download/v$NODE_EXPORTER_VERSION/$name.tar.gz"
echo "$NODE_EXPORTER_SHA256  $work/$name.tar.gz" | sha256sum --check --strict -
tar -C "$work" -xzf "$work/$name.tar.gz" "$name/node_exporter"
install -m 0755 -o root -g root "$work/$name/node_exporter" ${NODE_EXPORTER_BINARY}
`;
