/**
 * derpprobe (tailscale.com/cmd/derpprobe) on the monitoring server: it probes every node of the fleet's
 * derpMap the way a client uses it: TLS to the DERP port, STUN, and packets relayed between the nodes of a
 * region over DERP (its "mesh" probe), and exports the results as Prometheus metrics
 * (`derpprobe_result{name,class,...}`, 1 = success) on its HTTP listener, at /debug/varz (cmd/derpprobe
 * links "Prober metrics" there; tsweb serves /debug/ to loopback and tailnet addresses only).
 *
 * Built like the relays' derper (lib/boot install-derper.sh): from source at the pinned tailscale version,
 * with the Go toolchain pinned by sha256 and modules verified against sum.golang.org, in an empty
 * environment. The derpMap it reads is a file written from the fleet at synth: host names and ports only
 * (addresses are Terraform tokens, and the user data must be all literals), so derpprobe resolves names as
 * clients of a `nodeAddresses: 'dns'` derpMap do.
 */
import { GO_TOOLCHAIN, TAILSCALE_VERSION } from '../boot/versions';
import type { NodeTargets } from './targets';

export const DERPPROBE = {
  binary: '/usr/local/bin/derpprobe',
  derpMap: '/etc/derp-monitoring/derpprobe-derpmap.json',
  listen: '127.0.0.1:8030',
  unit: '/etc/systemd/system/derpprobe.service',
  installScript: '/usr/local/lib/derp-monitoring/install-derpprobe.sh',
  env: '/etc/derp-monitoring/derpprobe.env',
} as const;

/** The derpMap derpprobe probes: the fleet's regions and nodes, by host name. */
export function renderProbeDerpMap(targets: readonly NodeTargets[]): string {
  const regions: Record<string, { RegionID: number; RegionCode: string; RegionName: string; Nodes: object[] }> = {};
  for (const t of targets) {
    const region = (regions[String(t.regionId)] ??= { RegionID: t.regionId, RegionCode: t.regionCode, RegionName: t.regionName, Nodes: [] });
    region.Nodes.push({ Name: t.node, RegionID: t.regionId, HostName: t.hostName, STUNPort: t.stunPort, DERPPort: t.derpPort });
  }
  return `${JSON.stringify({ OmitDefaultRegions: true, Regions: regions }, null, 1)}\n`;
}

/**
 * The derpprobe unit's sandbox, as data: a dynamic user with no capabilities, a read-only system, IP and
 * local sockets only. It needs nothing but the network and its derpMap file.
 */
export const DERPPROBE_HARDENING: Readonly<Record<string, string>> = {
  DynamicUser: 'yes',
  NoNewPrivileges: 'yes',
  CapabilityBoundingSet: '',
  AmbientCapabilities: '',
  ProtectSystem: 'strict',
  ProtectHome: 'yes',
  PrivateTmp: 'yes',
  PrivateDevices: 'yes',
  ProtectKernelTunables: 'yes',
  ProtectKernelModules: 'yes',
  ProtectKernelLogs: 'yes',
  ProtectControlGroups: 'yes',
  ProtectClock: 'yes',
  ProtectHostname: 'yes',
  ProtectProc: 'invisible',
  RestrictAddressFamilies: 'AF_INET AF_INET6 AF_UNIX AF_NETLINK',
  RestrictNamespaces: 'yes',
  RestrictRealtime: 'yes',
  RestrictSUIDSGID: 'yes',
  LockPersonality: 'yes',
  MemoryDenyWriteExecute: 'yes',
  SystemCallArchitectures: 'native',
  SystemCallFilter: '@system-service',
  UMask: '0077',
};

/** Probe intervals (derpprobe flags). */
export const DERPPROBE_INTERVALS = { map: '60s', tls: '15s', stun: '15s', mesh: '15s' } as const;

export const DERPPROBE_EXEC = [
  DERPPROBE.binary,
  `--derp-map=file://${DERPPROBE.derpMap}`,
  `--listen=${DERPPROBE.listen}`,
  `--interval=${DERPPROBE_INTERVALS.map}`,
  `--tls-interval=${DERPPROBE_INTERVALS.tls}`,
  `--stun-interval=${DERPPROBE_INTERVALS.stun}`,
  `--mesh-interval=${DERPPROBE_INTERVALS.mesh}`,
].join(' ');

/**
 * install-derpprobe.sh: builds derpprobe v$TAILSCALE_VERSION with the pinned Go toolchain for this host's
 * architecture. With DERPPROBE_SHA256 set, the binary must have that hash; otherwise its hash is logged.
 */
export const INSTALL_DERPPROBE_SCRIPT = String.raw`#!/bin/bash
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. /etc/derp-monitoring/derpprobe.env

arch=$(dpkg --print-architecture)
case "$arch" in
  amd64) go_sha256="$GO_SHA256_AMD64" ;;
  arm64) go_sha256="$GO_SHA256_ARM64" ;;
  *) echo "install-derpprobe: no pinned Go toolchain for $arch" >&2; exit 1 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball="go$GO_VERSION.linux-$arch.tar.gz"
curl --proto '=https' --tlsv1.2 -fsSL --retry 5 --output "$work/$tarball" "https://dl.google.com/go/$tarball"
echo "$go_sha256  $work/$tarball" | sha256sum --check --strict -
tar -C "$work" -xzf "$work/$tarball"

env -i \
  PATH="$work/go/bin:/usr/bin:/bin" \
  HOME="$work/home" \
  GOPATH="$work/gopath" \
  GOCACHE="$work/cache" \
  GOBIN="$work/bin" \
  GOTOOLCHAIN=local \
  GOPROXY=https://proxy.golang.org \
  GOSUMDB=sum.golang.org \
  GOFLAGS="-trimpath -modcacherw" \
  CGO_ENABLED=0 \
  go install "tailscale.com/cmd/derpprobe@v$TAILSCALE_VERSION"

actual=$(sha256sum "$work/bin/derpprobe" | cut -d ' ' -f 1)
if [ -z "$DERPPROBE_SHA256" ]; then
  echo "install-derpprobe: derpprobe v$TAILSCALE_VERSION/$arch has sha256 $actual (not pinned)" >&2
elif [ "$actual" != "$DERPPROBE_SHA256" ]; then
  echo "install-derpprobe: built derpprobe has sha256 $actual, not the pinned $DERPPROBE_SHA256; not installing it" >&2
  exit 1
fi
install -m 0755 -o root -g root "$work/bin/derpprobe" ${DERPPROBE.binary}
`;

/** derpprobe.env: the pinned versions and hashes install-derpprobe.sh reads (all literals checked here); the fleet's Tailscale version. */
export function renderDerpprobeEnv(sha256?: string, tailscaleVersion: string = TAILSCALE_VERSION): string {
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`derpprobe sha256 ${JSON.stringify(sha256)} must be 64 lower-case hex digits`);
  if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(tailscaleVersion))
    throw new Error(`derpprobe tailscale version ${JSON.stringify(tailscaleVersion)} must be a release version such as '1.102.3'`);
  if (GO_TOOLCHAIN.amd64.version !== GO_TOOLCHAIN.arm64.version) throw new Error('the pinned Go toolchains of amd64 and arm64 differ in version');
  const env: Record<string, string> = {
    TAILSCALE_VERSION: tailscaleVersion,
    GO_VERSION: GO_TOOLCHAIN.amd64.version,
    GO_SHA256_AMD64: GO_TOOLCHAIN.amd64.sha256,
    GO_SHA256_ARM64: GO_TOOLCHAIN.arm64.sha256,
    DERPPROBE_SHA256: sha256 ?? '',
  };
  return Object.entries(env)
    .map(([k, v]) => `${k}='${v}'\n`)
    .join('');
}

/** The derpprobe unit file. */
export const DERPPROBE_UNIT = `[Unit]
Description=derpprobe: client-side probes of every DERP node (TLS, STUN, packet relay)
After=network-online.target
Wants=network-online.target

[Service]
ExecStart=${DERPPROBE_EXEC}
Restart=always
RestartSec=5
${Object.entries(DERPPROBE_HARDENING)
  .map(([k, v]) => `${k}=${v}`)
  .join('\n')}

[Install]
WantedBy=multi-user.target
`;
