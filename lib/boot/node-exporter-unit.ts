/**
 * The Prometheus node exporter service, reachable only over the tailnet.
 *
 * The same hardened unit runs whichever way the binary got onto the host ({@link NodeExporterSource});
 * only the binary the wrapper execs differs. With the distribution package, this unit has the
 * package's unit name on purpose: written to /etc/systemd/system it overrides the package's own
 * /lib/systemd/system/prometheus-node-exporter.service (which runs as a static user, listens on
 * :9100 on every interface and takes flags from /etc/default/prometheus-node-exporter), so the
 * package's postinst and every later upgrade (re)start this unit, never that one.
 *
 * Three independent layers keep port 9100 off the public interface, so one mistake is not enough:
 * 1. it listens on the node's tailscale IPv4 only (node-exporter-start.sh asks `tailscale ip -4` at
 *    every start, then execs node_exporter with `--web.listen-address=<that ip>:9100`);
 * 2. the unit's IPAddressAllow= admits only tailscale's address ranges (kernel cgroup filter);
 * 3. the host nftables table drops tcp/9100 arriving on any interface but tailscale0
 *    (host-firewall.ts); this unit Requires= it, so without the firewall the exporter does not start.
 */
import { HOST_FIREWALL_UNIT_NAME } from './host-firewall';
import { BOOT_LIB_DIR } from './scripts/paths';
import { execCommandLine, HardeningSettings, SystemdUnit } from './systemd-unit';

/**
 * How the node exporter binary gets onto the host.
 * - `distribution-package`: Ubuntu's / Debian's `prometheus-node-exporter` package; apt verifies it
 *   against the archive's signing keys and unattended-upgrades installs its updates.
 * - `release-tarball`: the upstream release from GitHub, checked against a sha256 the caller pins.
 */
export type NodeExporterSource = 'distribution-package' | 'release-tarball';

/** Every {@link NodeExporterSource}, for validation. */
export const NODE_EXPORTER_SOURCES: readonly NodeExporterSource[] = ['distribution-package', 'release-tarball'];

/** Where install-node-exporter.sh puts the release tarball's binary (`release-tarball`). */
export const NODE_EXPORTER_BINARY = '/usr/local/bin/node_exporter';

/** Where the distribution package installs its binary (`distribution-package`, Ubuntu 24.04 and Debian 12). */
export const NODE_EXPORTER_PACKAGE_BINARY = '/usr/bin/prometheus-node-exporter';

/** The binary the unit starts, by source. */
export const NODE_EXPORTER_BINARIES: Readonly<Record<NodeExporterSource, string>> = {
  'distribution-package': NODE_EXPORTER_PACKAGE_BINARY,
  'release-tarball': NODE_EXPORTER_BINARY,
};

/** The wrapper that resolves the tailscale IP and execs the binary given as its first argument (scripts/node-exporter-start.ts). */
export const NODE_EXPORTER_WRAPPER = `${BOOT_LIB_DIR}/node-exporter-start.sh`;

/** The node exporter unit's file name. */
export const NODE_EXPORTER_UNIT_NAME = 'prometheus-node-exporter.service';

/** The port the exporter listens on (tailscale IP only). */
export const NODE_EXPORTER_PORT = 9100;

/**
 * Collectors a relay's dashboards and alerts need: CPU, memory, disk, filesystem fullness,
 * network throughput and socket/conntrack/file-descriptor pressure (derper holds one TCP
 * connection per client). Everything else is off (`--collector.disable-defaults`): fewer files
 * read, less host detail disclosed. `timex` is left out because adjtimex() is in @clock, which the
 * system call filter denies.
 */
export const NODE_EXPORTER_COLLECTORS = [
  'conntrack',
  'cpu',
  'diskstats',
  'filefd',
  'filesystem',
  'loadavg',
  'meminfo',
  'netdev',
  'netstat',
  'pressure',
  'sockstat',
  'stat',
  'time',
  'uname',
  'vmstat',
] as const;

/**
 * `systemd-analyze security --offline=true` exposure of the rendered unit, measured with
 * systemd 252 (Debian 12), the same for both sources (only the binary in ExecStart differs);
 * test/boot/node-exporter-unit.test.ts fails if a change raises it for either.
 * What is left, and why:
 * - AF_INET/AF_INET6 (it serves HTTP), AF_UNIX (the wrapper asks tailscaled for the IP);
 * - the IP allow-list has non-localhost entries: the tailscale ranges it must be scraped from;
 * - ProcSubset=all: the collectors read /proc/stat, /proc/meminfo, /proc/net/*, /proc/pressure/*;
 * - DeviceAllow char-rtc:r: added by ProtectClock=yes; dropping ProtectClock scores worse;
 * - PrivateNetwork=, RootDirectory=: it reports on the host's network and filesystems.
 */
export const NODE_EXPORTER_EXPOSURE_MEASURED = 1.0;

/** The node exporter sandbox; anything not listed is denied. */
export const NODE_EXPORTER_HARDENING = {
  DynamicUser: true,
  // Read-only view of the whole OS; it writes nothing.
  ProtectSystem: 'strict',
  ProtectHome: true,
  PrivateTmp: true,
  UMask: '0077',
  PrivateDevices: true,
  DevicePolicy: 'closed',
  // No capabilities at all: 9100 is an unprivileged port.
  NoNewPrivileges: true,
  CapabilityBoundingSet: '',
  RestrictSUIDSGID: true,
  // Unlike derper, compatible: nothing below 1024 to bind, and /proc, /sys stay world-readable.
  PrivateUsers: true,
  ProtectKernelTunables: true,
  ProtectKernelModules: true,
  ProtectKernelLogs: true,
  ProtectControlGroups: true,
  ProtectClock: true,
  ProtectHostname: true,
  // Other users' processes hidden (the filesystem collector falls back to /proc/self/mountinfo);
  // ProcSubset stays 'all' because the collectors read /proc/stat, /proc/meminfo, /proc/net/*.
  ProtectProc: 'invisible',
  ProcSubset: 'all',
  PrivateIPC: true,
  PrivateMounts: true,
  KeyringMode: 'private',
  RemoveIPC: true,
  LockPersonality: true,
  RestrictRealtime: true,
  RestrictNamespaces: true,
  MemoryDenyWriteExecute: true,
  // No AF_NETLINK: netdev reads /proc/net/dev (--no-collector.netdev.netlink).
  RestrictAddressFamilies: ['AF_INET', 'AF_INET6', 'AF_UNIX'],
  // Only tailscale's CGNAT IPv4 range and its IPv6 ULA prefix may talk to it (either direction).
  IPAddressAllow: ['100.64.0.0/10', 'fd7a:115c:a1e0::/48'],
  IPAddressDeny: ['any'],
  SocketBindAllow: [`tcp:${NODE_EXPORTER_PORT}`],
  SocketBindDeny: ['any'],
  SystemCallArchitectures: 'native',
  SystemCallFilter: ['@system-service', '~@privileged @resources'],
  SystemCallErrorNumber: 'EPERM',
} as const satisfies HardeningSettings;

/** Options of {@link nodeExporterUnit}. */
export interface NodeExporterUnitOptions {
  /**
   * Which binary the unit starts. renderDerpUserData always passes the source it installs.
   * @default 'release-tarball' (what this function rendered before there was a choice)
   */
  readonly source?: NodeExporterSource;
}

/** The node exporter service unit. */
export function nodeExporterUnit(options: NodeExporterUnitOptions = {}): SystemdUnit {
  const source = options.source ?? 'release-tarball';
  if (!NODE_EXPORTER_SOURCES.includes(source)) {
    throw new Error(`nodeExporterUnit: invalid source ${JSON.stringify(source)}: must be one of ${NODE_EXPORTER_SOURCES.map((s) => `'${s}'`).join(', ')}`);
  }
  const argv = [
    NODE_EXPORTER_WRAPPER,
    NODE_EXPORTER_BINARIES[source],
    '--collector.disable-defaults',
    ...NODE_EXPORTER_COLLECTORS.map((c) => `--collector.${c}`),
    // Interface statistics from /proc/net/dev instead of rtnetlink, so the unit needs no AF_NETLINK.
    '--no-collector.netdev.netlink',
  ];
  return {
    name: NODE_EXPORTER_UNIT_NAME,
    unit: {
      Description: 'Prometheus node exporter, listening on the tailscale IPv4 only',
      Documentation: ['https://github.com/prometheus/node_exporter'],
      // Fail closed: no host firewall, no exporter. Also pulls the firewall in when the package's
      // postinst starts this unit.
      Requires: [HOST_FIREWALL_UNIT_NAME],
      Wants: ['tailscaled.service'],
      After: [HOST_FIREWALL_UNIT_NAME, 'tailscaled.service'],
      StartLimitIntervalSec: '0',
    },
    service: {
      Type: 'simple',
      ExecStart: execCommandLine(argv),
      // Until tailscale has an address the wrapper exits non-zero; retry rather than give up.
      Restart: 'always',
      RestartSec: '10s',
      ...NODE_EXPORTER_HARDENING,
    },
    install: { WantedBy: ['multi-user.target'] },
  };
}
