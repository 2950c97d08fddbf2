/**
 * bootstrap.sh: the one runcmd entry. cloud-init runs runcmd lines without `set -e`, so a single
 * fail-fast script keeps a failed step from being followed by the next (e.g. starting derper
 * after the join failed).
 */
import { DERPER_UNIT_NAME } from '../derper-unit';
import { HOST_FIREWALL_UNIT_NAME } from '../host-firewall';
import { NODE_EXPORTER_UNIT_NAME } from '../node-exporter-unit';
import { BOOT_ENV_PATH, BOOT_LIB_DIR, SYSCTL_PATH } from './paths';

export const BOOTSTRAP_SCRIPT = String.raw`#!/bin/bash
# First boot of a DERP relay (cloud-init runcmd, once per instance). Order matters: firewall before
# anything listens; tailnet join before derper (-verify-clients asks the local tailscaled).
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${BOOT_ENV_PATH}

log() { echo "derp-boot: $*" >&2; }

if [ "$(dpkg --print-architecture)" != "$DERP_ARCH" ]; then
  log "this image is $(dpkg --print-architecture) but the relay was configured for $DERP_ARCH"
  exit 1
fi

log "applying relay sysctls"
sysctl -p ${SYSCTL_PATH} >/dev/null

systemctl daemon-reload
log "loading the host firewall"
systemctl enable --now ${HOST_FIREWALL_UNIT_NAME}

# No sshd: bootcmd masked it before it could start; stop a socket the image may have started earlier.
systemctl mask ssh.service ssh.socket >/dev/null
systemctl stop ssh.service ssh.socket 2>/dev/null || true
if systemctl is-active --quiet ssh.service ssh.socket; then
  log "sshd is still running"
  exit 1
fi

log "installing tailscale $TAILSCALE_VERSION"
${BOOT_LIB_DIR}/install-tailscale.sh
log "joining the tailnet"
${BOOT_LIB_DIR}/tailscale-join.sh
# The tailscale package is held at the version derper is built from; a tailnet-wide auto-update
# setting must not move it either.
tailscale set --auto-update=false
log "building derper v$TAILSCALE_VERSION"
${BOOT_LIB_DIR}/install-derper.sh
log "installing node exporter"
${BOOT_LIB_DIR}/install-node-exporter.sh

systemctl daemon-reload
systemctl enable --now ${DERPER_UNIT_NAME} ${NODE_EXPORTER_UNIT_NAME}
log "done"
`;
