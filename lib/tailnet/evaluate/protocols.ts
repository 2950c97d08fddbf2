/**
 * IP protocols in a policy: an ACL's `proto`, a grant `ip` entry's `proto:` prefix, a test's `proto`.
 * Names and IANA numbers are both accepted, as Tailscale accepts both (https://tailscale.com/kb/1337/policy-syntax#proto).
 */
import { ALL_PORTS, parsePortList, type PortRange } from './ports';

const BY_NAME: Readonly<Record<string, number>> = {
  icmp: 1,
  igmp: 2,
  ipv4: 4,
  'ip-in-ip': 4,
  tcp: 6,
  egp: 8,
  igp: 9,
  udp: 17,
  gre: 47,
  esp: 50,
  ah: 51,
  'ipv6-icmp': 58,
  sctp: 132,
  fc: 133,
};

export const TCP = 6;
export const UDP = 17;
export const SCTP = 132;

/**
 * What a rule that names no protocol allows: Tailscale compiles it to TCP, UDP, ICMP and ICMPv6 (IPProto
 * [6, 17, 1, 58] in the packet filters recorded from Tailscale's control plane, headscale
 * testdata/grant_results/grant-j6.hujson for `"ip": ["80"]`, grant-f2.hujson for `"ip": ["*"]`). It is not "every
 * protocol": GRE or SCTP need a rule that names them.
 */
export const DEFAULT_PROTOCOLS: readonly number[] = [TCP, UDP, 1, 58];

/** Protocols a test may name: only those with ports, since a test destination carries one port. */
export const TEST_PROTOCOLS: readonly number[] = [TCP, UDP, SCTP];

/** `tcp`, `UDP`, `6`, `132` → IANA number; undefined for `*`, leading zeros, or anything unknown. */
export function parseProtocol(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower in BY_NAME) return BY_NAME[lower];
  if (!/^[1-9]\d{0,2}$/.test(lower)) return undefined;
  const n = Number(lower);
  return n <= 255 ? n : undefined;
}

export function protocolName(n: number): string {
  return Object.keys(BY_NAME).find((k) => BY_NAME[k] === n && k !== 'ip-in-ip') ?? String(n);
}

/** Network-layer access a rule gives to one destination: these protocols on these ports. */
export interface IpCapability {
  readonly protocols: readonly number[];
  readonly ports: readonly PortRange[];
}

/**
 * A grant `ip` entry (https://tailscale.com/kb/1538/grants-syntax): `*` (the default protocols, every port),
 * `443` or `80-443` (a port list, the default protocols), `tcp:443`, `udp:3478`, `icmp:*`. Undefined when malformed.
 */
export function parseGrantIp(entry: string): IpCapability | undefined {
  if (entry === '*') return { protocols: DEFAULT_PROTOCOLS, ports: ALL_PORTS };
  const colon = entry.indexOf(':');
  if (colon < 0) {
    const ports = parsePortList(entry);
    return ports ? { protocols: DEFAULT_PROTOCOLS, ports } : undefined;
  }
  const protocol = parseProtocol(entry.slice(0, colon));
  const ports = parsePortList(entry.slice(colon + 1));
  return protocol !== undefined && ports ? { protocols: [protocol], ports } : undefined;
}
