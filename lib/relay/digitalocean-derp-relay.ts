/**
 * One DERP relay (derper) on a DigitalOcean droplet, hardened by default.
 *
 * What it creates:
 * - the droplet: pinned image, IPv6 on, the monitoring agent on, SSH keys required (without keys
 *   DigitalOcean emails a root password) although port 22 is closed, tagged `role:derp`, the approval tag
 *   `exposure:public` and `owner:…` / `environment:…`.
 * - a cloud firewall bound to the droplet by id: inbound exactly 443/tcp and 3478/udp, plus 80/tcp only
 *   with Let's Encrypt certificates, from anywhere (IPv4 and IPv6); outbound only the ports in
 *   {@link DIGITALOCEAN_RELAY_OUTBOUND} (network-policy.ts).
 * - a single-use tailnet auth key (`tailscale_tailnet_key`) for the node to join with.
 * - optionally a reserved IP assigned to the droplet.
 *
 * How the auth key reaches the node, and what is left of the risk. DigitalOcean has no secret store and
 * no instance identity a droplet could fetch a secret with, so the key travels in the user data:
 * 1. This construct creates the key itself: `reusable = false` (one node, once), `preauthorized = true`,
 *    `ephemeral = false`, tagged `tag:derp` (+ `extraTailnetTags`; the node can only join with the
 *    relay's tags), expiring after {@link DigitalOceanDerpRelayProps.authKeyExpirySeconds} (1 hour by
 *    default, enough for the droplet to boot and join).
 * 2. The user data holds only the Terraform reference `${tailscale_tailnet_key.<id>.key}`; Terraform
 *    substitutes the value when it sends the user data to DigitalOcean. No literal key is ever in the
 *    synthesized JSON, and no output of this construct carries it.
 * 3. On the node, cloud-init writes it to a root-only file on tmpfs; `tailscale up` reads it from there
 *    and the file is shredded (lib/boot/auth-key.ts).
 * Residual risk: the substituted user data stays readable from the droplet's metadata service
 * (http://169.254.169.254/metadata/v1/user-data) for the droplet's life, in cloud-init's root-only copy
 * under /var/lib/cloud/, and in the Terraform state (protect the state as a secret). Whoever reads it
 * can use the key only until the relay has used it (minutes after creation) or it expires, whichever is
 * first; after that it is worthless. On the node, derper and node exporter are denied the metadata
 * service by their units; other local users are not (see metadataServiceAccess below).
 *
 * The droplet ignores later changes of `user_data`: the tailscale provider re-creates a key that has been
 * used up or has expired, and DigitalOcean can only apply new user data by destroying the droplet, so
 * without this every such apply would replace the relay. To roll a relay with new boot settings, replace
 * it explicitly (`terraform apply -replace=<droplet address>`).
 */
import { isIP } from 'net';
import { cdk, digitaloceanProvider } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import type { Firewall, FirewallInboundRule, FirewallOutboundRule } from '@cdktf/provider-digitalocean/lib/firewall';
import type { ReservedIp } from '@cdktf/provider-digitalocean/lib/reserved-ip';
import { DERP_TAG } from '../boot';
import { DIGITALOCEAN_USER_DATA_MAX_BYTES } from '../boot/user-data-limits';
import { validateTag } from '../boot/validate';
import type { DerpNodeInfo, IDerpRelay } from '../contracts/derp-node';
import { isTailscaleProvider } from '../tailscale/provider';
import { TailscaleTailnetKey } from '../tailscale/tailnet-key';
import { ANYWHERE_IPV4, ANYWHERE_IPV6, DIGITALOCEAN_RELAY_OUTBOUND, DNS_TTL_SECONDS, relayInboundRules } from './network-policy';
import { DerpRelayBaseProps, derpNodeInfo, renderUserData, resolveBaseProps } from './relay-props';
import {
  DIGITALOCEAN_IMAGE,
  DIGITALOCEAN_REGION,
  DIGITALOCEAN_SIZE,
  DIGITALOCEAN_SSH_KEY,
  DIGITALOCEAN_TAG,
  DIGITALOCEAN_VPC_UUID,
  PropValidator,
} from '../validate';
import { relayValidator } from './validate';

/** DigitalOcean's provider bindings, loaded when the first construct is made (cdktf only: see aspects/cdk.ts). */
const digitaloceanClasses = () => ({
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/droplet')>('droplet'),
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/firewall')>('firewall'),
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/record')>('record'),
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/reserved-ip')>('reserved-ip'),
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/reserved-ip-assignment')>('reserved-ip-assignment'),
});

/**
 * DigitalOcean refuses user data larger than this.
 * @deprecated use `boot.DIGITALOCEAN_USER_DATA_MAX_BYTES`, the one definition (lib/boot/user-data-limits.ts).
 */
export const DIGITALOCEAN_USER_DATA_LIMIT_BYTES = DIGITALOCEAN_USER_DATA_MAX_BYTES;

/** Upper bound of the auth key's lifetime: long enough to boot, short enough to be worthless soon. */
export const MAX_AUTH_KEY_EXPIRY_SECONDS = 3600;

export interface DigitalOceanDerpRelayProps extends DerpRelayBaseProps {
  /** Region slug, e.g. `fra1`. */
  readonly region: string;
  /**
   * DigitalOcean backups of the droplet (billed). A relay is rebuilt from its configuration and holds no state
   * worth keeping, while a backup would hold tailscaled's node key: whoever can restore it can act as the relay
   * on the tailnet. So backups are off, stated explicitly (the strict catalog's `do-droplet-backups` asks for
   * the decision).
   * @default false
   */
  readonly backups?: boolean;
  /**
   * Droplet size slug. derper needs little CPU; 2 GiB of memory leaves room for building derper at first boot.
   * @default 's-1vcpu-2gb'
   */
  readonly size?: string;
  /**
   * Image slug or numeric image id; must be {@link distribution} on x86-64. A slug names a distribution
   * release whose image DigitalOcean refreshes; pass a numeric id (a snapshot or custom image) to pin the
   * exact image.
   * @default 'ubuntu-24-04-x64' (or 'debian-12-x64' with `distribution: 'debian-12'`)
   */
  readonly image?: string;
  /**
   * SSH key ids or fingerprints installed for root. Required and non-empty: a droplet created without keys
   * gets a root password that DigitalOcean emails in clear text. Port 22 stays closed in the cloud firewall
   * regardless, so the keys are not a way in: a relay is replaced rather than repaired, and the break-glass
   * path is DigitalOcean's Recovery Console.
   */
  readonly sshKeys: readonly string[];
  /** Value of the `owner:<value>` tag (the guardrails' required tag). */
  readonly owner: string;
  /** Value of the `environment:<value>` tag (the guardrails' required tag). */
  readonly environment: string;
  /**
   * Extra droplet tags (DigitalOcean tags: letters, digits, `:`, `-`, `_`).
   * @default []
   */
  readonly tags?: readonly string[];
  /**
   * VPC the droplet's private interface joins (uuid or reference).
   * @default the region's default VPC
   */
  readonly vpcUuid?: string;
  /**
   * A static IPv4 address published as the derpMap IPv4, so the relay keeps its address when the
   * droplet is replaced. `true`: reserve one here (digitalocean_reserved_ip; its address is known only in
   * this stack). An address (`'203.0.113.10'`): a reserved IP created outside this construct (by hand or
   * in a stack of addresses), assigned to the droplet; a literal, so the derpMap carries it from any
   * stack, with no DNS dependence.
   * @default false (the droplet's own IPv4 is published)
   */
  readonly reservedIp?: boolean | string;
  /**
   * A domain managed in DigitalOcean DNS that holds {@link hostname} (e.g. `derp.example.net` for
   * `derp-ams3.derp.example.net`): the relay creates its A record (the published IPv4) and AAAA record.
   * @default no DNS records (create them yourself)
   */
  readonly dnsDomain?: string;
  /**
   * Lifetime of the single-use tailnet auth key, in seconds (600–3600).
   * @default 3600
   */
  readonly authKeyExpirySeconds?: number;
  /**
   * The tag that approves public exposure; must match `Guardrails.enforce({ publicExposureTag })`.
   * @default 'exposure:public'
   */
  readonly publicExposureTag?: string;
}

const DEFAULT_IMAGES = { 'ubuntu-24.04': 'ubuntu-24-04-x64', 'debian-12': 'debian-12-x64' } as const;

export class DigitalOceanDerpRelay extends Construct implements IDerpRelay {
  /** This node's entry in the derpMap; IPv4 is the reserved IP when there is one, else the droplet's. */
  readonly derpNode: DerpNodeInfo;
  readonly droplet: Droplet;
  readonly firewall: Firewall;
  /** The single-use key the node joins the tailnet with. Never put its `key` in an output. */
  readonly authKey: TailscaleTailnetKey;
  readonly reservedIp?: ReservedIp;
  /** The rendered cloud-init user data: holds a Terraform reference to the key, never the key. */
  readonly userData: string;

  constructor(scope: Construct, id: string, props: DigitalOceanDerpRelayProps) {
    super(scope, id);
    const v = relayValidator(this, 'DigitalOceanDerpRelay');
    const base = resolveBaseProps(v, props);
    const region = v.rule('region', props.region, DIGITALOCEAN_REGION);
    const size = v.rule('size', props.size ?? 's-1vcpu-2gb', DIGITALOCEAN_SIZE);
    const image = v.rule('image', props.image ?? DEFAULT_IMAGES[base.distribution], DIGITALOCEAN_IMAGE);
    const sshKeys = validateSshKeys(v, props.sshKeys);
    const exposureTag = v.rule('publicExposureTag', props.publicExposureTag ?? 'exposure:public', DIGITALOCEAN_TAG);
    const owner = v.matching('owner', props.owner, /^[A-Za-z0-9:_-]{1,249}$/, "a tag value (letters, digits, ':', '-', '_')");
    const environment = v.matching('environment', props.environment, /^[A-Za-z0-9:_-]{1,243}$/, "a tag value (letters, digits, ':', '-', '_')");
    if (!Array.isArray(props.tags ?? [])) v.fail('tags', props.tags, 'must be an array of tags');
    const extraTags = (props.tags ?? []).map((t, i) => {
      const tag = v.rule(`tags[${i}]`, t, DIGITALOCEAN_TAG);
      // One value per key: a second `owner:` or approval tag would make the relay's own tags ambiguous.
      const key = tag.split(':')[0];
      if (['role', 'owner', 'environment'].includes(key) || tag === exposureTag || (exposureTag.includes(':') && key === exposureTag.split(':')[0])) {
        v.fail(`tags[${i}]`, tag, `is refused: '${key}:' tags are set by the relay itself (from owner, environment and publicExposureTag)`);
      }
      return tag;
    });
    const vpcUuid = props.vpcUuid === undefined ? undefined : v.rule('vpcUuid', props.vpcUuid, DIGITALOCEAN_VPC_UUID);
    const backups = v.boolean('backups', props.backups ?? false);
    const reserved =
      typeof props.reservedIp === 'string'
        ? v.matching('reservedIp', props.reservedIp, /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$/, 'true, false or a reserved IPv4 address')
        : v.boolean('reservedIp', props.reservedIp ?? false);
    if (typeof reserved === 'string' && isIP(reserved) !== 4) v.fail('reservedIp', reserved, 'must be true, false or a reserved IPv4 address');
    const dnsDomain = props.dnsDomain === undefined ? undefined : v.fqdn('dnsDomain', props.dnsDomain);
    if (dnsDomain !== undefined && !base.hostname.endsWith(`.${dnsDomain}`)) {
      v.fail('dnsDomain', dnsDomain, `must be a parent domain of hostname '${base.hostname}'`);
    }
    const expiry = v.integer('authKeyExpirySeconds', props.authKeyExpirySeconds ?? MAX_AUTH_KEY_EXPIRY_SECONDS, 600, MAX_AUTH_KEY_EXPIRY_SECONDS);
    const tailnetTags = [DERP_TAG];
    (props.extraTailnetTags ?? []).forEach((tag, i) => {
      v.boot(`extraTailnetTags[${i}]`, () => validateTag(`extraTailnetTags[${i}]`, tag));
      if (!tailnetTags.includes(tag)) tailnetTags.push(tag);
    });

    // Without a tailscale provider in the stack, Terraform would look for `hashicorp/tailscale`, which does not exist.
    this.node.addValidation({
      validate: () =>
        cdk.TerraformStack.of(this).node.findAll().some(isTailscaleProvider)
          ? []
          : [`DigitalOceanDerpRelay '${this.node.path}': its stack has no TailscaleProvider (lib/tailscale), which the auth key resource needs`],
    });

    this.authKey = new TailscaleTailnetKey(this, 'auth-key', {
      reusable: false,
      ephemeral: false,
      preauthorized: true,
      expiry,
      tags: tailnetTags,
      description: `DERP relay ${base.nodeName} first boot`.slice(0, 50),
    });

    this.userData = renderUserData(v, {
      hostname: base.hostname,
      certMode: base.certMode,
      manualCertDir: props.manualCertDir,
      distribution: base.distribution,
      // DigitalOcean droplets are x86-64 only.
      architecture: 'amd64',
      versions: props.versions,
      extraTags: props.extraTailnetTags,
      authKey: { kind: 'digitalocean-metadata', terraformReference: this.authKey.key },
      // The monitoring agent (monitoring = true) runs as its own user and authenticates with a token from
      // the metadata service, so the metadata service cannot be root-only here. What that exposes to
      // other local users is the user data, whose key is spent minutes after boot (see the file comment).
      metadataServiceAccess: 'all-users',
    });
    const userDataBytes = Buffer.byteLength(this.userData, 'utf8');
    if (userDataBytes > DIGITALOCEAN_USER_DATA_MAX_BYTES) {
      v.fail(
        'userData',
        `<${userDataBytes} bytes>`,
        `is too large: the rendered user data is ${userDataBytes} bytes; DigitalOcean accepts at most ${DIGITALOCEAN_USER_DATA_MAX_BYTES}`,
      );
    }

    const tags = ['role:derp', exposureTag, `owner:${owner}`, `environment:${environment}`];
    for (const tag of extraTags) if (!tags.includes(tag)) tags.push(tag);

    this.droplet = new (digitaloceanClasses().Droplet)(this, 'droplet', {
      // An FQDN name makes DigitalOcean set the matching PTR record.
      name: base.hostname,
      region,
      size,
      image,
      ipv6: true,
      monitoring: true,
      backups,
      sshKeys,
      tags,
      userData: this.userData,
      // The Droplet Console agent is one more root-level way in (and needs SSH open to work at all).
      dropletAgent: false,
      ...(vpcUuid !== undefined ? { vpcUuid } : {}),
      lifecycle: { ignoreChanges: ['user_data'] },
    });
    const dropletId = cdk.Token.asNumber(this.droplet.id);

    const everywhere = [ANYWHERE_IPV4, ANYWHERE_IPV6];
    const inbound: FirewallInboundRule[] = relayInboundRules(base.certMode).map((rule) => ({
      protocol: rule.protocol,
      portRange: String(rule.port),
      sourceAddresses: everywhere,
    }));
    const outbound: FirewallOutboundRule[] = DIGITALOCEAN_RELAY_OUTBOUND.map((rule) => ({
      protocol: rule.protocol,
      portRange: String(rule.port),
      destinationAddresses: everywhere,
    }));
    this.firewall = new (digitaloceanClasses().Firewall)(this, 'firewall', {
      name: `derp-${base.nodeName}`,
      // By id, not by tag: a firewall selected by tag would also apply to (and be loosened by) any other
      // droplet that happens to carry the tag.
      dropletIds: [dropletId],
      inboundRule: inbound,
      outboundRule: outbound,
    });

    let ipv4 = this.droplet.ipv4Address;
    if (reserved === true) {
      this.reservedIp = new (digitaloceanClasses().ReservedIp)(this, 'reserved-ip', { region });
      new (digitaloceanClasses().ReservedIpAssignment)(this, 'reserved-ip-assignment', { ipAddress: this.reservedIp.ipAddress, dropletId });
      ipv4 = this.reservedIp.ipAddress;
    } else if (typeof reserved === 'string') {
      new (digitaloceanClasses().ReservedIpAssignment)(this, 'reserved-ip-assignment', { ipAddress: reserved, dropletId });
      ipv4 = reserved;
    }

    if (dnsDomain !== undefined) {
      const name = base.hostname.slice(0, -(dnsDomain.length + 1));
      new (digitaloceanClasses().Record)(this, 'dns-a', { domain: dnsDomain, name, type: 'A', value: ipv4, ttl: DNS_TTL_SECONDS });
      new (digitaloceanClasses().Record)(this, 'dns-aaaa', { domain: dnsDomain, name, type: 'AAAA', value: this.droplet.ipv6Address, ttl: DNS_TTL_SECONDS });
    }

    this.derpNode = derpNodeInfo(base, ipv4, this.droplet.ipv6Address, {
      tailscaleVersion: base.tailscaleVersion,
      architecture: 'amd64',
      tailnetTags,
      meshUnsupported:
        'a DigitalOcean relay cannot mesh: a droplet has no instance identity to read the mesh key from a secret store with, and the key must not travel in user data (it never expires); put multi-node regions on AWS',
    });
  }
}

function validateSshKeys(v: PropValidator, keys: readonly string[] | undefined): string[] {
  return v.nonEmptyList('sshKeys', keys, 'SSH key id or fingerprint (without keys DigitalOcean emails a root password)', (prop, key) =>
    v.rule(prop, key, DIGITALOCEAN_SSH_KEY),
  );
}
