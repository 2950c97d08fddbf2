/**
 * install-node-exporter.sh for `source: 'distribution-package'`: Ubuntu's / Debian's
 * `prometheus-node-exporter`. apt verifies it against the archive's signing keys and
 * unattended-upgrades installs its updates, so there is no checksum for us to pin (or to invent).
 *
 * Why here (runcmd, after the firewall and the tailnet join) and not in cloud-init's `packages`:
 * cloud-init installs `packages` in its final stage before runcmd, i.e. before bootstrap.sh has
 * loaded the host firewall. Here the firewall is loaded, tailscale has an address, and the check
 * below has confirmed that the unit the package's postinst is about to start is ours (written by
 * write_files, in cloud-init's first stage, to /etc/systemd/system, which overrides the package's
 * /lib/systemd/system unit of the same name).
 *
 * What else the package brings (Debian 12, 1.5.0-1+b6, inspected): its postinst adds a `prometheus`
 * system user that our unit does not use (DynamicUser); /etc/default/prometheus-node-exporter,
 * which our unit does not read; an /etc/init.d script that systemd ignores because a native unit
 * of that name exists. Its Recommends (dbus, the collectors below) are not installed.
 */
import { HOST_FIREWALL_UNIT_NAME } from '../host-firewall';
import { NODE_EXPORTER_PACKAGE_BINARY, NODE_EXPORTER_UNIT_NAME, NODE_EXPORTER_WRAPPER } from '../node-exporter-unit';

/** The distribution package (same name on Ubuntu 24.04 and Debian 12). */
export const NODE_EXPORTER_PACKAGE = 'prometheus-node-exporter';

const COLLECTORS = ['apt', 'ipmitool-sensor', 'mellanox-hca-temp', 'nvme', 'smartmon'] as const;

/**
 * Units of `prometheus-node-exporter-collectors`, which the package Recommends (Debian 12 ships
 * exactly these five timer/service pairs). Each timer runs a script as root without any sandbox
 * (apt_info.py every 15 min, smartctl, nvme, ipmitool, mellanox tools) to write textfile metrics
 * that our exporter never reads (the textfile collector is off): privilege and parsing surface for
 * nothing. So the package is installed without recommends, and these are masked first in case
 * anything installs them later: masks made with systemctl survive the packages' postinst, whose
 * `deb-systemd-helper unmask` only removes masks it made itself.
 */
export const NODE_EXPORTER_COLLECTOR_UNITS: readonly string[] = COLLECTORS.flatMap((name) => [
  `prometheus-node-exporter-${name}.timer`,
  `prometheus-node-exporter-${name}.service`,
]);

/** The same list as a bash brace expansion (AWS's 16 KiB: a third of the bytes); the tests expand it with bash. */
const COLLECTOR_UNITS_GLOB = `prometheus-node-exporter-{${COLLECTORS.join(',')}}.{timer,service}`;

/** Where write_files put our unit; the one systemd must load for the package's unit name. */
const OUR_UNIT_PATH = `/etc/systemd/system/${NODE_EXPORTER_UNIT_NAME}`;

export const INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT = String.raw`#!/bin/bash
# Installs the distribution's ${NODE_EXPORTER_PACKAGE} so that only our hardened unit ever runs it.
set -euo pipefail

readonly UNIT=${NODE_EXPORTER_UNIT_NAME}
readonly OURS=${OUR_UNIT_PATH}

fail() {
  echo "install-node-exporter: $*" >&2
  exit 1
}

# Our unit is what systemd runs for $UNIT: loaded from /etc (not the package's /lib file), starting
# the package's binary through the tailnet-only wrapper, and no drop-in for it anywhere.
ours() {
  systemctl daemon-reload
  [ "$(systemctl show -P FragmentPath "$UNIT")" = "$OURS" ] &&
    grep -qF "ExecStart=${NODE_EXPORTER_WRAPPER} ${NODE_EXPORTER_PACKAGE_BINARY} " "$OURS" &&
    [[ $(systemctl show -P DropInPaths "$UNIT") != *"$UNIT"* ]]
}

# The package's postinst starts $UNIT at once: only behind the host firewall, and only ours.
systemctl is-active --quiet ${HOST_FIREWALL_UNIT_NAME} || fail "the host firewall is not active"
ours || fail "$UNIT would not be our unit ($OURS); not installing the package"

# The collectors' root timers (NODE_EXPORTER_COLLECTOR_UNITS), masked before anything can enable them.
systemctl mask ${COLLECTOR_UNITS_GLOB}
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${NODE_EXPORTER_PACKAGE}

# A drop-in shipped by the package would apply to our unit too: if what runs is no longer ours, stop it.
if ! ours; then
  systemctl disable --now "$UNIT" || true
  fail "the package changed what $UNIT runs; stopped it"
fi
# If the image came with the package, its own unit may have been running since boot (started
# before write_files put ours in place), and apt-get had nothing to do: make the running one ours.
systemctl restart "$UNIT"
`;
