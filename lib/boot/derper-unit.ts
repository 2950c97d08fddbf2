/**
 * The derper (Tailscale DERP relay) systemd service.
 *
 * The whole security posture is {@link DERPER_HARDENING}, one object a reviewer can read top to
 * bottom (the NixOS `services.tailscale.derper` module does the same). `derperUnit()` only adds
 * what depends on the options: the command line and, for manual certificates, the credentials.
 */
import { execCommandLine, HardeningSettings, SystemdUnit } from './systemd-unit';
import { BootConfigError, validateAbsolutePath, validateFqdn, validateOneOf } from './validate';

/** How derper gets its TLS certificate. */
export type DerpCertMode = 'letsencrypt' | 'manual';

/** Where `go install` puts derper (see install-derper.sh). */
export const DERPER_BINARY = '/usr/local/bin/derper';

/** The derper unit's file name. */
export const DERPER_UNIT_NAME = 'derper.service';

/** derper's private state (node key, Let's Encrypt account and certificates). */
const STATE_DIR = '/var/lib/derper';

/**
 * `systemd-analyze security --offline=true` exposure of the rendered unit, measured with
 * systemd 252 (Debian 12). 0 is best, 10 worst. test/boot/derper-unit.test.ts fails if a change
 * raises it. What is left, and why it cannot go:
 * - CAP_NET_BIND_SERVICE (bounding + ambient): derper must bind 443 and 80 itself; it has no socket
 *   activation. PrivateUsers= would remove the capability's effect (measured: in a child user
 *   namespace, binding ports < 1024 of the host network namespace fails with EACCES).
 * - AF_INET/AF_INET6: it is a network server; AF_UNIX: the tailscaled socket for -verify-clients.
 * - no IP address allow-list: relay clients connect from anywhere; only the cloud metadata
 *   endpoints are denied (they hold instance credentials, and on DigitalOcean the user data).
 * - DeviceAllow char-rtc:r: added by ProtectClock=yes; dropping ProtectClock measured worse (1.5).
 * - PrivateNetwork=, RootDirectory=/RootImage=: a network server in the host namespace, and we
 *   ship no image (a bind-mounted minimal root would gain 0.1 but needs resolv.conf, CA bundle and
 *   the tailscaled socket kept in sync by hand; not worth an untestable boot path).
 */
export const DERPER_EXPOSURE_MEASURED = 1.4;

/**
 * The derper sandbox. Every line states what derper keeps; anything not listed is denied.
 * Settings implied by others (DynamicUser= implies several) are still spelled out so that the
 * posture does not depend on knowing systemd's implications.
 */
export const DERPER_HARDENING = {
  // Identity: a throw-away uid per run; files it creates outside StateDirectory vanish with it.
  DynamicUser: true,
  // Filesystem: the whole OS read-only; only /var/lib/derper writable (node key, ACME certs).
  // StateDirectory (not CacheDirectory) for certs: a cache may be cleaned, and re-issuing on every
  // clean runs into Let's Encrypt's duplicate-certificate rate limit.
  ProtectSystem: 'strict',
  StateDirectory: 'derper',
  StateDirectoryMode: '0700',
  ProtectHome: true,
  PrivateTmp: true,
  UMask: '0077',
  // Devices: none at all.
  PrivateDevices: true,
  DevicePolicy: 'closed',
  // Privileges: nothing to gain, and only the right to bind ports below 1024.
  NoNewPrivileges: true,
  CapabilityBoundingSet: 'CAP_NET_BIND_SERVICE',
  AmbientCapabilities: 'CAP_NET_BIND_SERVICE',
  RestrictSUIDSGID: true,
  // PrivateUsers=no on purpose: measured incompatible with binding 443/80 (see DERPER_EXPOSURE_MEASURED).
  PrivateUsers: false,
  // Kernel and system state: read-only or hidden.
  ProtectKernelTunables: true,
  ProtectKernelModules: true,
  ProtectKernelLogs: true,
  ProtectControlGroups: true,
  ProtectClock: true,
  ProtectHostname: true,
  ProtectProc: 'invisible',
  ProcSubset: 'pid',
  PrivateIPC: true,
  PrivateMounts: true,
  KeyringMode: 'private',
  RemoveIPC: true,
  LockPersonality: true,
  RestrictRealtime: true,
  RestrictNamespaces: true,
  // Go never needs writable+executable memory.
  MemoryDenyWriteExecute: true,
  // Network: IP for clients, STUN and ACME; unix for tailscaled's socket (-verify-clients).
  RestrictAddressFamilies: ['AF_INET', 'AF_INET6', 'AF_UNIX'],
  // Clients come from anywhere, so no allow-list; but never the instance metadata services
  // (AWS IMDS v4/v6 and DigitalOcean's, same v4 address): they hand out the instance role's
  // credentials and, on DigitalOcean, the user data.
  IPAddressDeny: ['169.254.169.254', 'fd00:ec2::254'],
  // Bind only the ports derper serves. Enforced where systemd has the BPF framework (Ubuntu 24.04);
  // systemd built without it (Debian 12) ignores these two lines.
  SocketBindAllow: ['tcp:443', 'tcp:80', 'udp:3478'],
  SocketBindDeny: ['any'],
  // System calls: the service set minus privileged and resource-control calls; a denied call
  // fails with EPERM (Go treats e.g. a failed setrlimit as best-effort) instead of killing the relay.
  SystemCallArchitectures: 'native',
  SystemCallFilter: ['@system-service', '~@privileged @resources'],
  SystemCallErrorNumber: 'EPERM',
} as const satisfies HardeningSettings;

/** Options of {@link derperUnit}. */
export interface DerperUnitOptions {
  /** Public FQDN of the relay: derper's `-hostname`, the TLS SNI it accepts and the certificate's name. */
  readonly hostname: string;
  /**
   * `letsencrypt`: derper obtains and renews the certificate itself (ACME http-01 and tls-alpn-01),
   * so it also serves HTTP on port 80. `manual`: derper reads `<hostname>.crt` and `<hostname>.key`
   * from {@link manualCertDir} and port 80 stays closed; renewing means replacing the files and
   * restarting derper.
   * @default 'letsencrypt'
   */
  readonly certMode?: DerpCertMode;
  /**
   * Root-only directory on the host that holds `<hostname>.crt` and `<hostname>.key` for
   * `certMode: 'manual'`. They are handed to derper with `LoadCredential=`, so they can stay
   * root-owned mode 0600 and derper's dynamic user still reads them. Ignored for `letsencrypt`.
   * @default '/etc/derper/certs'
   */
  readonly manualCertDir?: string;
  /**
   * Mesh with the other nodes of the relay's region: derper's `-mesh-with` (every node's host name;
   * derper skips its own) and `-mesh-psk-file`, the region's pre-shared key, handed to the dynamic
   * user with `LoadCredential=` from {@link MESH_PSK_PATH} (root-only; written at boot from the
   * secret store). Mesh peers dial each other at `https://<host>/derp` (cmd/derper/mesh.go): port
   * 443, already open, so meshing adds no port and no bind.
   * @default no mesh (a region of one node)
   */
  readonly meshWith?: readonly string[];
}

/** Where the boot writes the region's mesh key (root 0600); derper reads it as a credential. */
export const MESH_PSK_PATH = '/etc/derp-boot/mesh-psk';

/** The credential name of the mesh key (`%d/<name>` in derper's unit). */
const MESH_PSK_CREDENTIAL = 'mesh-psk';

/** The derper service unit for the given options. */
export function derperUnit(options: DerperUnitOptions): SystemdUnit {
  const hostname = validateFqdn('hostname', options.hostname);
  const certMode = validateOneOf('certMode', options.certMode ?? 'letsencrypt', ['letsencrypt', 'manual'] as const);
  const manualCertDir = validateAbsolutePath('manualCertDir', options.manualCertDir ?? '/etc/derper/certs');
  const meshWith = options.meshWith === undefined ? undefined : validateMeshWith(options.meshWith, hostname);

  const argv = [
    DERPER_BINARY,
    `-hostname=${hostname}`,
    '-a=:443',
    // Port 80 only exists for ACME http-01 (and the HTTP->HTTPS redirect); with manual certs it is off.
    `-http-port=${certMode === 'letsencrypt' ? '80' : '-1'}`,
    '-stun',
    '-stun-port=3478',
    '-verify-clients',
    `-c=${STATE_DIR}/derper.key`,
    `-certmode=${certMode}`,
    // %d is systemd's credentials directory (/run/credentials/derper.service), readable only by the service.
    `-certdir=${certMode === 'letsencrypt' ? `${STATE_DIR}/certs` : '%d'}`,
    ...(meshWith ? [`-mesh-with=${meshWith.join(',')}`, `-mesh-psk-file=%d/${MESH_PSK_CREDENTIAL}`] : []),
  ];
  const credentials = [
    ...(certMode === 'manual' ? [`${hostname}.crt:${manualCertDir}/${hostname}.crt`, `${hostname}.key:${manualCertDir}/${hostname}.key`] : []),
    ...(meshWith ? [`${MESH_PSK_CREDENTIAL}:${MESH_PSK_PATH}`] : []),
  ];

  const hardening: HardeningSettings = {
    ...DERPER_HARDENING,
    // Nothing listens on 80 with manual certificates, so it may not be bound either.
    ...(certMode === 'manual' ? { SocketBindAllow: DERPER_HARDENING.SocketBindAllow.filter((rule) => rule !== 'tcp:80') } : {}),
    ...(credentials.length > 0 ? { LoadCredential: credentials } : {}),
  };

  return {
    name: DERPER_UNIT_NAME,
    unit: {
      Description: 'Tailscale DERP relay (derper), clients verified against the local tailscaled',
      Documentation: ['https://tailscale.com/kb/1118/custom-derp-servers'],
      // -verify-clients needs tailscaled; without it every client is refused (fails closed), so Wants, not Requires.
      Wants: ['network-online.target', 'tailscaled.service'],
      After: ['network-online.target', 'tailscaled.service'],
      StartLimitIntervalSec: '0',
    },
    service: {
      Type: 'simple',
      ExecStart: execCommandLine(argv),
      Restart: 'always',
      RestartSec: '5s',
      // Soft limit = hard limit, so Go's runtime never needs setrlimit (filtered) to raise it.
      LimitNOFILE: '1048576',
      ...hardening,
    },
    install: { WantedBy: ['multi-user.target'] },
  };
}

/** The region's host names: FQDNs, no duplicates, this relay's own among them. */
function validateMeshWith(hosts: readonly string[], own: string): string[] {
  if (!Array.isArray(hosts) || hosts.length < 2) {
    throw new BootConfigError('meshWith', hosts, "must list the host names of every node of the relay's region (at least two, its own included)");
  }
  hosts.forEach((h, i) => validateFqdn(`meshWith[${i}]`, h));
  if (new Set(hosts).size !== hosts.length) throw new BootConfigError('meshWith', hosts, 'lists a host name twice');
  if (!hosts.includes(own))
    throw new BootConfigError('meshWith', hosts, `must include this relay's own host name '${own}' (every node of a region gets the same list)`);
  return [...hosts].sort();
}
