/**
 * What a DERP relay may send and receive, as data: the whole network posture of both relay constructs
 * in one place, so a reviewer reads it top to bottom. The AWS security group and the DigitalOcean cloud
 * firewall are both rendered from these lists; anything not listed is dropped.
 *
 * Ports that are deliberately absent:
 * - 22/tcp (SSH): AWS relays are reached through SSM Session Manager (outbound 443 only); DigitalOcean
 *   relays carry SSH keys only so that DigitalOcean does not email a root password, and port 22 stays
 *   closed in the cloud firewall.
 * - 9100/tcp (node exporter): scraped over the tailnet only, which rides on the tailscale traffic below;
 *   the host firewall and the exporter's own unit keep it off the public interface too (lib/boot).
 * - 41641/udp inbound: tailscaled's WireGuard port. The relay's own tailnet traffic (joining, being
 *   scraped) works through DERP over 443/tcp, and a stateful firewall lets the replies to the relay's
 *   own outbound UDP back in, so nothing needs to be opened for unsolicited WireGuard.
 */
import type { DerpCertMode } from '../boot';

export type Protocol = 'tcp' | 'udp';

/** One allowed flow, with the reason it exists. */
export interface RelayPortRule {
  readonly protocol: Protocol;
  readonly port: number;
  /** Why the relay needs it; becomes the rule description. */
  readonly description: string;
}

/** Every address, both families: DERP clients and STUN probes come from anywhere. */
export const ANYWHERE_IPV4 = '0.0.0.0/0';
export const ANYWHERE_IPV6 = '::/0';

/** The DERP port (HTTPS); also the derpMap `DERPPort`. */
export const DERP_PORT = 443;
/** The STUN port; also the derpMap `STUNPort`. */
export const STUN_PORT = 3478;
/** ACME http-01 (and derper's HTTP to HTTPS redirect); open only with Let's Encrypt certificates. */
export const ACME_HTTP_PORT = 80;

/** TTL of the relay's DNS records: short, so a replaced relay's new address (without a pinned one) spreads fast. */
export const DNS_TTL_SECONDS = 300;

/** Inbound from anywhere (IPv4 and IPv6). Nothing else is accepted. */
export function relayInboundRules(certMode: DerpCertMode): readonly RelayPortRule[] {
  const rules: RelayPortRule[] = [
    { protocol: 'tcp', port: DERP_PORT, description: 'DERP relay (HTTPS) from tailnet clients anywhere' },
    { protocol: 'udp', port: STUN_PORT, description: 'STUN from tailnet clients anywhere (NAT discovery)' },
  ];
  if (certMode === 'letsencrypt') {
    rules.push({ protocol: 'tcp', port: ACME_HTTP_PORT, description: "ACME http-01 challenge from Let's Encrypt (certMode letsencrypt)" });
  }
  return rules;
}

/**
 * Outbound to anywhere, shared by both clouds. The destinations are public services behind CDNs
 * (tailscale control plane and DERP servers, package mirrors, Let's Encrypt, the Go module proxy) whose
 * addresses change, so they cannot be pinned to CIDRs; the ports are pinned instead.
 */
export const RELAY_OUTBOUND_COMMON: readonly RelayPortRule[] = [
  {
    protocol: 'tcp',
    port: 443,
    description:
      "HTTPS: tailscale control plane and DERP, pkgs.tailscale.com, Go toolchain and modules (derper build), node exporter release, Let's Encrypt ACME API, cloud APIs",
  },
  { protocol: 'tcp', port: 80, description: 'HTTP: distribution apt mirrors (packages are verified by apt signatures)' },
  { protocol: 'udp', port: 3478, description: 'STUN to tailscale DERP servers: NAT discovery for tailscaled' },
  { protocol: 'udp', port: 41641, description: 'WireGuard to tailnet peers on the default tailscale port (direct connections)' },
];

/**
 * AWS: nothing beyond {@link RELAY_OUTBOUND_COMMON}. The Amazon DNS resolver (VPC+2 / 169.254.169.253),
 * the Amazon Time Sync Service (169.254.169.123) and the instance metadata service are link-local
 * services that security groups do not filter, so DNS and NTP need no rule. Secrets Manager and the
 * SSM endpoints are HTTPS (443).
 */
export const AWS_RELAY_OUTBOUND: readonly RelayPortRule[] = RELAY_OUTBOUND_COMMON;

/**
 * DigitalOcean: the common set plus DNS and NTP, which on a droplet go to public resolvers and time
 * servers that the cloud firewall does filter. The metadata service (169.254.169.254) is link-local and
 * not affected by cloud firewalls. The monitoring agent reports over HTTPS (443).
 */
export const DIGITALOCEAN_RELAY_OUTBOUND: readonly RelayPortRule[] = [
  ...RELAY_OUTBOUND_COMMON,
  { protocol: 'udp', port: 53, description: 'DNS to the droplet resolvers' },
  { protocol: 'tcp', port: 53, description: 'DNS over TCP (large answers) to the droplet resolvers' },
  { protocol: 'udp', port: 123, description: 'NTP: certificate validity and tailscale need a correct clock' },
];
