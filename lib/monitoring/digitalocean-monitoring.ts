/**
 * The DERP fleet's monitoring server on DigitalOcean: DigitalOceanMonitoring, its props, and the builder
 * the deprecated Monitoring shares with it.
 */
import { cdk, digitaloceanProvider } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import type { Firewall } from '@cdktf/provider-digitalocean/lib/firewall';
import type { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { DIGITALOCEAN_USER_DATA_MAX_BYTES } from '../boot/user-data-limits';
import { TailscaleTailnetKey } from '../tailscale/tailnet-key';
import { isTailscaleProvider, type TailscaleProvider } from '../tailscale/provider';
import {
  DIGITALOCEAN_IMAGE,
  DIGITALOCEAN_REGION,
  DIGITALOCEAN_SIZE,
  DIGITALOCEAN_SSH_KEY,
  DIGITALOCEAN_TAG,
  DIGITALOCEAN_VPC_UUID,
  type PropValidator,
} from '../validate';
import { DropletHealthAlerts, type DropletHealthThresholds } from './droplet-health-alerts';
import { MONITORING_EGRESS, MonitoringModel, type MonitoringBaseProps } from './model';
import { MonitoringServer } from './monitoring-server';

/** DigitalOcean's provider bindings, loaded when the first construct is made (cdktf only: see aspects/cdk.ts). */
const digitaloceanClasses = () => ({
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/droplet')>('droplet'),
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/firewall')>('firewall'),
});

/**
 * Extra outbound traffic on DigitalOcean, where the cloud firewall (unlike an AWS security group) also
 * filters the resolver and time servers: DNS to any resolver the droplet is configured with, and NTP.
 */
export const DIGITALOCEAN_EXTRA_EGRESS: readonly { readonly protocol: 'tcp' | 'udp'; readonly port: number; readonly why: string }[] = [
  { protocol: 'udp', port: 53, why: 'DNS' },
  { protocol: 'tcp', port: 53, why: 'DNS over TCP (large answers)' },
  { protocol: 'udp', port: 123, why: 'NTP' },
];

/** The DigitalOcean server's own props (the `digitalocean` props of the deprecated Monitoring). */
export interface DigitalOceanMonitoringServerProps {
  /** Region slug, e.g. `fra1`. */
  readonly region: string;
  /**
   * DigitalOcean backups of the droplet (billed): Prometheus's history lives on it (the strict catalog's
   * `do-droplet-backups`). A backup also holds tailscaled's node key: limit who may restore it.
   * @default true
   */
  readonly backups?: boolean;
  /** SSH key ids or fingerprints (required: without keys DigitalOcean emails a root password; port 22 stays closed). */
  readonly sshKeys: readonly string[];
  /**
   * Droplet tags (`key:value`), including the tags your guardrails require (e.g. `owner:…`, `environment:…`):
   * DigitalOcean has no provider-level default tags. `role:monitoring` and the exposure approval tag are added.
   */
  readonly tags: readonly string[];
  /** Addresses notified by the droplet monitor alerts. */
  readonly alertEmails: readonly string[];
  /**
   * Droplet size slug.
   * @default 's-1vcpu-2gb'
   */
  readonly size?: string;
  /**
   * Droplet image slug (Debian 12 or Ubuntu 22.04/24.04).
   * @default 'debian-12-x64'
   */
  readonly image?: string;
  /**
   * VPC of the droplet.
   * @default the region's default VPC
   */
  readonly vpcUuid?: string;
  /**
   * Also alert on the droplets with these tags (e.g. the relays' `role:derp`).
   * @default ['role:derp']
   */
  readonly watchDropletTags?: readonly string[];
  /**
   * Utilisation (percent) above which the droplet monitor alerts fire.
   * @default cpu 85, memory 90, disk 85 (percent)
   */
  readonly alertThresholds?: DropletHealthThresholds;
  /**
   * Install DigitalOcean's droplet agent, which enables the web console (root shell from the DigitalOcean
   * control panel).
   * @default false: no console path around the closed firewall
   */
  readonly allowDigitalOceanConsole?: boolean;
  /**
   * Lifetime of the join key, in seconds (at most a day). The server must boot and join within it.
   * @default 3600
   */
  readonly joinKeyExpirySeconds?: number;
  /**
   * Tailscale provider of the join key.
   * @default the stack's (unaliased) TailscaleProvider
   */
  readonly tailscaleProvider?: TailscaleProvider;
  /**
   * DigitalOcean provider of the server's resources.
   * @default the stack's DigitalOcean provider
   */
  readonly provider?: DigitaloceanProvider;
}

export interface DigitalOceanMonitoringProps extends MonitoringBaseProps, DigitalOceanMonitoringServerProps {}

/** What the DigitalOcean server is made of. */
export interface DigitalOceanMonitoringResources {
  readonly droplet: Droplet;
  readonly firewall: Firewall;
  readonly joinKey: TailscaleTailnetKey;
}

/**
 * Builds the DigitalOcean server as children of `host` (so DigitalOceanMonitoring and the deprecated
 * Monitoring make the same construct paths, hence the same Terraform addresses). `prop` names the server
 * props in errors: `props` for DigitalOceanMonitoring, `props.digitalocean` for Monitoring.
 */
export function buildDigitalOceanServer(
  host: Construct,
  v: PropValidator,
  model: MonitoringModel,
  d: DigitalOceanMonitoringServerProps,
  prop: string,
): DigitalOceanMonitoringResources {
  if (!d || typeof d !== 'object') v.fail(prop, d ?? null, 'are required');
  const region = v.rule(`${prop}.region`, d.region ?? null, DIGITALOCEAN_REGION);
  const sshKeys = v.nonEmptyList(
    `${prop}.sshKeys`,
    d.sshKeys ?? null,
    'SSH key: a droplet without one gets a root password by email (port 22 stays closed either way)',
    (p, key) => v.rule(p, key, DIGITALOCEAN_SSH_KEY),
  );
  if (!Array.isArray(d.tags)) v.fail(`${prop}.tags`, d.tags ?? null, 'must be a list of key:value tags');
  d.tags.forEach((t, i) => v.rule(`${prop}.tags[${i}]`, t, DIGITALOCEAN_TAG));
  const size = v.rule(`${prop}.size`, d.size ?? 's-1vcpu-2gb', DIGITALOCEAN_SIZE);
  const image = v.rule(`${prop}.image`, d.image ?? 'debian-12-x64', DIGITALOCEAN_IMAGE);
  const vpcUuid = d.vpcUuid ? v.rule(`${prop}.vpcUuid`, d.vpcUuid, DIGITALOCEAN_VPC_UUID) : undefined;
  const expiry = d.joinKeyExpirySeconds ?? 3600;
  if (!Number.isInteger(expiry) || expiry < 300 || expiry > 86400) v.fail(`${prop}.joinKeyExpirySeconds`, expiry, 'must be from 300 to 86400 seconds');
  const stack = cdk.TerraformStack.of(host);
  if (!d.tailscaleProvider && !stack.node.findAll().some((c) => isTailscaleProvider(c) && c.alias === undefined)) {
    v.fail(`${prop}.tailscaleProvider`, null, `is needed (or a TailscaleProvider in stack '${stack.node.id}'): the join key is a tailscale_tailnet_key`);
  }
  const name = model.name;

  // Single use, preauthorized, tagged, short-lived: once the server has joined (or the hour is over) the
  // copy in the user data is worthless. Not recreated when it expires (that would replace the droplet).
  // Its description carries a hash of the configuration: when the fleet changes, the user data changes,
  // and DigitalOcean replaces the droplet; the new description replaces the key with it, so the new
  // droplet gets a fresh key instead of the used one.
  const joinKey = new TailscaleTailnetKey(host, 'join-key', {
    reusable: false,
    ephemeral: false,
    preauthorized: true,
    expiry,
    tags: [model.access.from],
    description: cdk.Lazy.stringValue({ produce: () => `${name.slice(0, 32)} ${model.configurationHash()}` }),
    recreateIfInvalid: 'never',
    provider: d.tailscaleProvider,
  });
  // DigitalOcean has no SNS: the Alertmanager's receivers are the props' (webhooks, email) or an external Alertmanager.
  host.node.addValidation({
    validate: () =>
      model.alertDestinationProblems(
        model.receivers(),
        false,
        'DigitalOcean has no alert topic (the droplet monitor alerts to alertEmails cover CPU, memory and disk only)',
      ),
  });
  const tags = [...new Set([...d.tags, 'role:monitoring', 'exposure:public'])];
  const droplet = new (digitaloceanClasses().Droplet)(host, 'droplet', {
    name,
    region,
    size,
    image,
    sshKeys,
    monitoring: true,
    ipv6: false,
    backups: v.boolean(`${prop}.backups`, d.backups ?? true),
    dropletAgent: d.allowDigitalOceanConsole ?? false,
    gracefulShutdown: true,
    ...(vpcUuid ? { vpcUuid } : {}),
    tags,
    userData: cdk.Lazy.stringValue({
      produce: () => {
        const text = model.cloudInit({ kind: 'user-data', keyReference: joinKey.key });
        model.checkUserDataSize(Buffer.byteLength(text, 'utf8'), DIGITALOCEAN_USER_DATA_MAX_BYTES);
        return text;
      },
    }),
    provider: d.provider,
  });
  const egress = [...MONITORING_EGRESS, ...DIGITALOCEAN_EXTRA_EGRESS];
  const firewall = new (digitaloceanClasses().Firewall)(host, 'firewall', {
    name: `${name}-fw`,
    dropletIds: [cdk.Token.asNumber(droplet.id)],
    // No inboundRule at all: nothing reaches the droplet from the internet; the tailnet is the way in.
    outboundRule: egress.map((e) => ({ protocol: e.protocol, portRange: String(e.port), destinationAddresses: ['0.0.0.0/0', '::/0'] })),
    provider: d.provider,
  });
  new DropletHealthAlerts(host, 'alerts', {
    name,
    dropletIds: [droplet.id],
    dropletTags: d.watchDropletTags ?? ['role:derp'],
    emails: d.alertEmails,
    thresholds: d.alertThresholds,
    provider: d.provider,
  });
  return { droplet, firewall, joinKey };
}

/**
 * The DERP fleet's monitoring server on DigitalOcean: a droplet behind a cloud firewall with no inbound rule
 * at all; SSH keys are required (a droplet without keys gets a root password by email) though port 22 is
 * closed; monitoring agent on. A droplet always has a public IPv4 address, so it carries the
 * public-exposure approval tag, and the firewall is what keeps it closed. DigitalOcean has no secret store:
 * the join key is a single-use, preauthorized, `tag:monitoring` tailscale_tailnet_key that expires within an
 * hour, in the user data. DigitalOcean monitor alerts on the droplet (and the relays) fire even when the
 * server is down.
 *
 * It watches the fleet over the tailnet: the one access model (`tag:monitoring -> tag:derp:9100`) makes both the
 * scrape targets and the tailnet ACL entry; it probes the nodes' public HTTPS and STUN endpoints outbound and
 * alerts on node down, failing probes, disk and certificate expiry.
 */
export class DigitalOceanMonitoring extends MonitoringServer {
  public readonly droplet: Droplet;
  public readonly firewall: Firewall;
  /** The single-use join key (a reference in the user data; never put it in an output). */
  public readonly joinKey: TailscaleTailnetKey;

  constructor(scope: Construct, id: string, props: DigitalOceanMonitoringProps) {
    super(scope, id, 'DigitalOceanMonitoring', props);
    const built = buildDigitalOceanServer(this, this.validator, this.model, props, 'props');
    this.droplet = built.droplet;
    this.firewall = built.firewall;
    this.joinKey = built.joinKey;
  }

  /** The cloud-config text (with a reference to the join key), for review. */
  public override get cloudInit(): string {
    return this.model.cloudInit({ kind: 'user-data', keyReference: this.joinKey.key });
  }
}
