/**
 * A monitoring server for the DERP fleet, on AWS or DigitalOcean, with no inbound port open to the internet:
 * it reaches the DERP nodes' exporters over the tailnet (the one access model `tag:monitoring -> tag:derp:9100`
 * makes both the scrape targets and the tailnet ACL entry), probes their public HTTPS and STUN endpoints
 * outbound, and alerts on node down, failing probes, disk and certificate expiry. Cloud alarms on the server
 * itself (and optionally on other instances/droplets) fire even when the server is down.
 *
 * AWS: an EC2 instance with no public IP (it reaches the internet through the subnet's NAT gateway or
 * egress-only route; the subnet must have one), a security group with no ingress and egress only on
 * 80/443 tcp (packages, pkgs.tailscale.com, Secrets Manager, probes) and 41641/3478 udp (WireGuard, STUN),
 * IMDSv2 only with hop limit 1, an encrypted gp3 root, an instance profile with only the SSM core policy
 * (shell access through Session Manager, no SSH), detailed monitoring and termination protection. The join
 * key is read at boot from Secrets Manager with the instance role: grant the role with SecretStore.grant.
 *
 * DigitalOcean: a droplet behind a cloud firewall with no inbound rule at all; SSH keys are required (a
 * droplet without keys gets a root password by email) though port 22 is closed; monitoring agent on. A
 * droplet always has a public IPv4 address, so it carries the public-exposure approval tag, and the firewall
 * is what keeps it closed. DigitalOcean has no secret store: the join key is a single-use, preauthorized,
 * `tag:monitoring` tailscale_tailnet_key that expires within an hour, in the user data.
 */
import { createHash } from 'crypto';
import { gzipSync } from 'zlib';
import { Lazy, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import { Firewall } from '@cdktf/provider-digitalocean/lib/firewall';
import type { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import type { DerpNodeInfo } from '../contracts/derp-node';
import type { SecretReference } from '../contracts/secret-reference';
import type { ITailnetPolicy } from '../contracts/tailnet-policy';
import type { IDerpNodeSource } from '../fleet/derp-fleet';
import { checkTagOwner } from '../tailnet/syntax';
import { TailscaleTailnetKey } from '../tailscale/tailnet-key';
import { isTailscaleProvider, type TailscaleProvider } from '../tailscale/provider';
import { DERP_EXPORTER_ACCESS, accessAcl, accessProblem, type TailnetAccess } from './access';
import { Ec2StatusCheckAlarm, DropletHealthAlerts, type DropletHealthThresholds } from './alarms';
import { renderAlertRules } from './alert-rules';
import { HTTPS_MODULE, renderBlackboxConfig, type DerpProbePath } from './blackbox-config';
import { PATHS, renderMonitoringCloudInit, type JoinKeySource } from './cloud-init';
import { renderPrometheusConfig } from './prometheus-config';
import { defaultNodeTailnetName, nodeTargets, type NodeTargets } from './targets';

/** The only outbound traffic the server needs, and why. */
export const MONITORING_EGRESS: readonly { readonly protocol: 'tcp' | 'udp'; readonly port: number; readonly why: string }[] = [
  { protocol: 'tcp', port: 443, why: 'HTTPS: packages, pkgs.tailscale.com, tailscale control and DERP, Secrets Manager, DERP probes' },
  { protocol: 'tcp', port: 80, why: 'HTTP: Debian/Ubuntu package mirrors (apt verifies signatures)' },
  { protocol: 'udp', port: 41641, why: 'WireGuard: direct tailnet connections to the DERP nodes' },
  { protocol: 'udp', port: 3478, why: 'STUN: tailscale NAT traversal and the STUN probes of the DERP nodes' },
];

/**
 * Extra outbound traffic on DigitalOcean, where the cloud firewall (unlike an AWS security group) also
 * filters the resolver and time servers: DNS to any resolver the droplet is configured with, and NTP.
 */
export const DIGITALOCEAN_EXTRA_EGRESS: readonly { readonly protocol: 'tcp' | 'udp'; readonly port: number; readonly why: string }[] = [
  { protocol: 'udp', port: 53, why: 'DNS' },
  { protocol: 'tcp', port: 53, why: 'DNS over TCP (large answers)' },
  { protocol: 'udp', port: 123, why: 'NTP' },
];

export interface AwsMonitoringProps {
  /** VPC of the subnet. */
  readonly vpcId: string;
  /** A private subnet with a route to the internet through a NAT gateway (the server gets no public IP). */
  readonly subnetId: string;
  /** Pinned AMI id of a Debian 12 or Ubuntu 22.04/24.04 image (no lookups: stacks plan offline). */
  readonly amiId: string;
  /** The secret holding the server's tailnet join key (SecretStore.secretReference). */
  readonly joinKeySecret: SecretReference;
  /**
   * @default 't3.small' (2 vCPU, 2 GiB: Prometheus for a fleet of tens of nodes)
   */
  readonly instanceType?: string;
  /**
   * Root volume size in GiB (Prometheus data lives there).
   * @default 20
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * KMS key for the root volume.
   * @default the account's default EBS key (aws/ebs); the volume is encrypted either way
   */
  readonly rootVolumeKmsKeyId?: string;
  /**
   * IAM role name of the instance (grant it the join key with SecretStore.grant).
   * @default `<name>-instance`
   */
  readonly roleName?: string;
  /**
   * Notified when a status-check alarm fires or clears (SNS topic ARNs).
   * @default none: the alarms show in the CloudWatch console only
   */
  readonly alarmActions?: readonly string[];
  /**
   * Other instances (in this stack and region) to put a status-check alarm on, e.g. the relays.
   * @default none (the server's own alarm is always created)
   */
  readonly statusCheckAlarms?: readonly { readonly name: string; readonly instanceId: string }[];
  /** @default the stack's default AWS provider */
  readonly provider?: AwsProvider;
}

export interface DigitalOceanMonitoringProps {
  /** Region slug, e.g. `fra1`. */
  readonly region: string;
  /** SSH key ids or fingerprints (required: without keys DigitalOcean emails a root password; port 22 stays closed). */
  readonly sshKeys: readonly string[];
  /**
   * Droplet tags (`key:value`), including the tags your guardrails require (e.g. `owner:…`, `environment:…`):
   * DigitalOcean has no provider-level default tags. `role:monitoring` and the exposure approval tag are added.
   */
  readonly tags: readonly string[];
  /** Addresses notified by the droplet monitor alerts. */
  readonly alertEmails: readonly string[];
  /** @default 's-1vcpu-2gb' */
  readonly size?: string;
  /** @default 'debian-12-x64' */
  readonly image?: string;
  /** @default the region's default VPC */
  readonly vpcUuid?: string;
  /**
   * Also alert on the droplets with these tags (e.g. the relays' `role:derp`).
   * @default ['role:derp']
   */
  readonly watchDropletTags?: readonly string[];
  /** @default cpu 85, memory 90, disk 85 (percent) */
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
  /** @default the stack's (unaliased) TailscaleProvider */
  readonly tailscaleProvider?: TailscaleProvider;
  /** @default the stack's DigitalOcean provider */
  readonly provider?: DigitaloceanProvider;
}

export interface MonitoringProps {
  /** Where the server runs; the matching sub-props (`aws` or `digitalocean`) are required. */
  readonly cloud: 'aws' | 'digitalocean';
  /** The DERP nodes to watch (a DerpFleet). Read at synth, so relays added later are watched too. */
  readonly fleet: IDerpNodeSource;
  /**
   * Which tailnet tag may reach which exporters. Produces the ACL entry and the scrape targets.
   * @default { from: 'tag:monitoring', to: 'tag:derp', ports: [9100] }
   */
  readonly access?: TailnetAccess;
  /**
   * Tailnet policy to receive the ACL entry and the tag owners of `access.from`.
   * @default none: add accessAcl(access) to your policy yourself
   */
  readonly tailnetPolicy?: ITailnetPolicy;
  /**
   * Owners of the `access.from` tag.
   * @default ['autogroup:admin']
   */
  readonly monitoringTagOwners?: readonly string[];
  /**
   * Name of the server (instance/droplet name, prefix of alarm names).
   * @default 'derp-monitoring'
   */
  readonly name?: string;
  /**
   * The server's name on the tailnet.
   * @default the name
   */
  readonly tailnetHostName?: string;
  /**
   * A DERP node's name on the tailnet (where its exporters listen).
   * @default the first label of its host name (`derp-fra1.example.com` → `derp-fra1`)
   */
  readonly nodeTailnetName?: (node: DerpNodeInfo) => string;
  /**
   * The tailnet's MagicDNS suffix (`example-tailnet.ts.net`); targets become fully qualified.
   * @default none: short names, resolved through MagicDNS's search domain
   */
  readonly magicDnsSuffix?: string;
  /**
   * derper endpoint the HTTPS probe requests.
   * @default '/derp/probe'
   */
  readonly probePath?: DerpProbePath;
  /** @default 30 */
  readonly retentionDays?: number;
  /** @default 14 */
  readonly certExpiryWarningDays?: number;
  /**
   * Alertmanagers (`host:port`) Prometheus sends alerts to.
   * @default none: alerts show in Prometheus (and the cloud alarms notify)
   */
  readonly alertmanagers?: readonly string[];
  /**
   * The AWS server (required when cloud is 'aws', refused otherwise).
   * @default none
   */
  readonly aws?: AwsMonitoringProps;
  /**
   * The DigitalOcean server (required when cloud is 'digitalocean', refused otherwise).
   * @default none
   */
  readonly digitalocean?: DigitalOceanMonitoringProps;
}

export class MonitoringError extends Error {
  constructor(
    readonly constructPath: string,
    readonly prop: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`Monitoring '${constructPath}': ${prop} ${JSON.stringify(value)} ${reason}`);
    this.name = 'MonitoringError';
  }
}

/** AWS limits user data to 16 KiB before base64. */
const AWS_USER_DATA_LIMIT = 16384;
const DIGITALOCEAN_USER_DATA_LIMIT = 65536;
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export class Monitoring extends Construct {
  public readonly access: TailnetAccess;
  public readonly name: string;
  /** AWS: the instance, its security group, role and role name. */
  public readonly instance?: Instance;
  public readonly securityGroup?: SecurityGroup;
  public readonly role?: IamRole;
  public readonly roleName?: string;
  /** DigitalOcean: the droplet, its firewall and its join key. */
  public readonly droplet?: Droplet;
  public readonly firewall?: Firewall;
  public readonly joinKey?: TailscaleTailnetKey;
  public readonly tailnetHostName: string;

  private readonly props: MonitoringProps;
  private readonly probePath: DerpProbePath;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.props = props;
    if (!props || typeof props !== 'object') throw this.error('props', null, 'are required');
    if (props.cloud !== 'aws' && props.cloud !== 'digitalocean') throw this.error('props.cloud', props.cloud ?? null, "must be 'aws' or 'digitalocean'");
    if (!props.fleet || !('nodes' in props.fleet)) throw this.error('props.fleet', null, 'must be a DerpFleet (anything with `nodes`)');
    this.access = props.access ?? DERP_EXPORTER_ACCESS;
    const problem = accessProblem(this.access);
    if (problem) throw this.error(`props.access.${problem.prop}`, problem.value, problem.reason);
    this.name = props.name ?? 'derp-monitoring';
    if (!NAME.test(this.name)) throw this.error('props.name', this.name, "must be 1-63 lower-case letters, digits or '-', not starting or ending with '-'");
    const tailnetHostName = props.tailnetHostName ?? this.name;
    this.tailnetHostName = tailnetHostName;
    if (!NAME.test(tailnetHostName)) throw this.error('props.tailnetHostName', tailnetHostName, "must be 1-63 lower-case letters, digits or '-'");
    if (props.magicDnsSuffix !== undefined && !/^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/.test(props.magicDnsSuffix)) {
      throw this.error('props.magicDnsSuffix', props.magicDnsSuffix, "must be a DNS suffix such as 'example-tailnet.ts.net'");
    }
    this.probePath = props.probePath ?? '/derp/probe';
    if (this.probePath !== '/derp/probe' && this.probePath !== '/generate_204') throw this.error('props.probePath', this.probePath, "must be '/derp/probe' or '/generate_204'");
    this.days('props.retentionDays', props.retentionDays ?? 30, 1, 3650);
    this.days('props.certExpiryWarningDays', props.certExpiryWarningDays ?? 14, 4, 60);
    (props.alertmanagers ?? []).forEach((a, i) => {
      if (!/^[a-z0-9.-]+:[0-9]{1,5}$/.test(a)) throw this.error(`props.alertmanagers[${i}]`, a, "must be 'host:port'");
    });
    const owners = props.monitoringTagOwners ?? ['autogroup:admin'];
    if (owners.length === 0) throw this.error('props.monitoringTagOwners', owners, 'must not be empty');
    owners.forEach((o, i) => {
      const p = checkTagOwner(o);
      if (p) throw this.error(`props.monitoringTagOwners[${i}]`, o, p);
    });

    // The one model, both halves: the tailnet lets monitoring in, and Prometheus uses exactly that path.
    props.tailnetPolicy?.addTagOwner(this.access.from, owners);
    props.tailnetPolicy?.addAcl(accessAcl(this.access));

    if (props.cloud === 'aws') {
      if (!props.aws) throw this.error('props.aws', null, "is required when cloud is 'aws'");
      if (props.digitalocean) throw this.error('props.digitalocean', '<set>', "must not be set when cloud is 'aws'");
      const built = this.buildAws(props.aws);
      this.instance = built.instance;
      this.securityGroup = built.securityGroup;
      this.role = built.role;
      this.roleName = built.roleName;
    } else {
      if (!props.digitalocean) throw this.error('props.digitalocean', null, "is required when cloud is 'digitalocean'");
      if (props.aws) throw this.error('props.aws', '<set>', "must not be set when cloud is 'digitalocean'");
      const built = this.buildDigitalOcean(props.digitalocean);
      this.droplet = built.droplet;
      this.firewall = built.firewall;
      this.joinKey = built.joinKey;
    }
  }

  /** What Prometheus watches per DERP node (read at synth). */
  public get targets(): NodeTargets[] {
    try {
      return nodeTargets(this.props.fleet.nodes, {
        access: this.access,
        nodeTailnetName: this.props.nodeTailnetName ?? defaultNodeTailnetName,
        magicDnsSuffix: this.props.magicDnsSuffix,
        probePath: this.probePath,
      });
    } catch (e) {
      throw this.error('props.fleet', '<nodes>', (e as Error).message);
    }
  }

  public get prometheusConfig(): string {
    return renderPrometheusConfig({ targets: this.targets, ruleFiles: [PATHS.rules], alertmanagers: this.props.alertmanagers, httpsModule: HTTPS_MODULE });
  }

  public get alertRules(): string {
    return renderAlertRules({ certExpiryWarningDays: this.props.certExpiryWarningDays });
  }

  public get blackboxConfig(): string {
    return renderBlackboxConfig(this.probePath);
  }

  /** The cloud-config text (before any compression), for review. */
  public get cloudInit(): string {
    const joinKey: JoinKeySource =
      this.props.cloud === 'aws'
        ? { kind: 'aws-secrets-manager', secretId: this.props.aws!.joinKeySecret.name, region: this.props.aws!.joinKeySecret.region }
        : { kind: 'user-data', keyReference: this.joinKey!.key };
    return this.renderCloudInit(this.tailnetHostName, joinKey);
  }

  private renderCloudInit(tailnetHostName: string, joinKey: JoinKeySource): string {
    const targets = this.targets;
    if (targets.length === 0) throw this.error('props.fleet', [], 'has no DERP nodes to monitor');
    const text = renderMonitoringCloudInit({
      prometheusConfig: this.prometheusConfig,
      alertRules: this.alertRules,
      blackboxConfig: this.blackboxConfig,
      stunTargets: targets.map((t) => ({ node: t.node, host: t.hostName, port: t.stunPort, region: t.regionCode })),
      tailnetTag: this.access.from,
      tailnetHostName,
      joinKey,
      retentionDays: this.props.retentionDays,
    });
    return text;
  }

  /** 16 hex digits of the configuration's hash (without the join key, which depends on it). */
  private configurationHash(): string {
    const text = this.renderCloudInit(this.tailnetHostName, { kind: 'user-data', keyReference: 'JOIN-KEY' });
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
  }

  private checkSize(bytes: number, limit: number): void {
    if (bytes > limit) throw this.error('props.fleet', `<${this.props.fleet.nodes.length} nodes>`, `makes user data of ${bytes} bytes, over the cloud's limit of ${limit}`);
  }

  private buildAws(aws: AwsMonitoringProps) {
    const p = 'props.aws';
    this.awsId(`${p}.vpcId`, aws.vpcId, /^vpc-[0-9a-f]{8,17}$/);
    this.awsId(`${p}.subnetId`, aws.subnetId, /^subnet-[0-9a-f]{8,17}$/);
    this.awsId(`${p}.amiId`, aws.amiId, /^ami-[0-9a-f]{8,17}$/);
    const ref = aws.joinKeySecret;
    if (!ref || typeof ref.name !== 'string' || typeof ref.region !== 'string' || Token.isUnresolved(ref.name) || Token.isUnresolved(ref.region)) {
      throw this.error(`${p}.joinKeySecret`, ref ?? null, 'must be a SecretReference with a literal name and region (SecretStore.secretReference)');
    }
    const instanceType = aws.instanceType ?? 't3.small';
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(instanceType)) throw this.error(`${p}.instanceType`, instanceType, "must be an instance type such as 't3.small'");
    const size = aws.rootVolumeSizeGiB ?? 20;
    if (!Number.isInteger(size) || size < 8 || size > 16384) throw this.error(`${p}.rootVolumeSizeGiB`, size, 'must be a whole number of GiB from 8 to 16384');
    const roleName = aws.roleName ?? `${this.name}-instance`;
    if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) throw this.error(`${p}.roleName`, roleName, 'must be an IAM role name (1-64 characters, no path)');

    const provider = aws.provider;
    const securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${this.name}-sg`,
      description: 'DERP monitoring server: no inbound traffic at all; outbound only for packages, tailscale and probes',
      vpcId: aws.vpcId,
      ingress: [],
      egress: MONITORING_EGRESS.map((e) => ({
        description: e.why,
        protocol: e.protocol,
        fromPort: e.port,
        toPort: e.port,
        cidrBlocks: ['0.0.0.0/0'],
        ipv6CidrBlocks: ['::/0'],
        prefixListIds: [],
        securityGroups: [],
        selfAttribute: false,
      })),
      revokeRulesOnDelete: true,
      tags: { Name: `${this.name}-sg` },
      provider,
    });
    const role = new IamRole(this, 'role', {
      name: roleName,
      description: `Instance role of ${this.name}: SSM Session Manager only (secrets are granted by SecretStore.grant)`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      maxSessionDuration: 3600,
      tags: { Name: roleName },
      provider,
    });
    new IamRolePolicyAttachment(this, 'ssm-core', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      provider,
    });
    const profile = new IamInstanceProfile(this, 'instance-profile', { name: roleName, role: role.name, tags: { Name: roleName }, provider });
    const instance = new Instance(this, 'instance', {
      ami: aws.amiId,
      instanceType,
      subnetId: aws.subnetId,
      vpcSecurityGroupIds: [securityGroup.id],
      iamInstanceProfile: profile.name,
      // Outbound through the subnet's NAT: nothing on the internet can even address this instance.
      associatePublicIpAddress: false,
      monitoring: true,
      ebsOptimized: true,
      disableApiTermination: true,
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
      rootBlockDevice: {
        volumeType: 'gp3',
        volumeSize: size,
        encrypted: true,
        ...(aws.rootVolumeKmsKeyId ? { kmsKeyId: aws.rootVolumeKmsKeyId } : {}),
        deleteOnTermination: true,
        tags: { Name: `${this.name}-root` },
      },
      // gzip (cloud-init reads it; the guardrails decode it): the configs and scripts exceed 16 KiB as text.
      // The payload is all literals, and gzip output is deterministic, so plans stay stable.
      userDataBase64: Lazy.stringValue({
        produce: () => {
          const zipped = gzipSync(Buffer.from(this.cloudInit, 'utf8'), { level: 9 });
          this.checkSize(zipped.length, AWS_USER_DATA_LIMIT);
          return zipped.toString('base64');
        },
      }),
      tags: { Name: this.name, role: 'monitoring' },
      provider,
    });
    new Ec2StatusCheckAlarm(this, 'status-check', { instanceId: instance.id, alarmName: `${this.name}-status-check-failed`, alarmActions: aws.alarmActions, provider });
    (aws.statusCheckAlarms ?? []).forEach((a, i) => {
      if (!NAME.test(a.name)) throw this.error(`${p}.statusCheckAlarms[${i}].name`, a.name, "must be lower-case letters, digits or '-'");
      new Ec2StatusCheckAlarm(this, `status-check-${a.name}`, { instanceId: a.instanceId, alarmName: `${a.name}-status-check-failed`, alarmActions: aws.alarmActions, provider });
    });
    return { instance, securityGroup, role, roleName };
  }

  private buildDigitalOcean(d: DigitalOceanMonitoringProps) {
    const p = 'props.digitalocean';
    if (!/^[a-z]{3}[0-9]$/.test(d.region ?? '')) throw this.error(`${p}.region`, d.region ?? null, "must be a DigitalOcean region slug such as 'fra1'");
    if (!Array.isArray(d.sshKeys) || d.sshKeys.length === 0) {
      throw this.error(`${p}.sshKeys`, d.sshKeys ?? null, 'must list at least one SSH key: a droplet without one gets a root password by email (port 22 stays closed either way)');
    }
    if (!Array.isArray(d.tags)) throw this.error(`${p}.tags`, d.tags ?? null, 'must be a list of key:value tags');
    d.tags.forEach((t, i) => {
      if (!/^[A-Za-z0-9:_-]{1,255}$/.test(t)) throw this.error(`${p}.tags[${i}]`, t, "must be a DigitalOcean tag (letters, digits, ':', '_', '-')");
    });
    const expiry = d.joinKeyExpirySeconds ?? 3600;
    if (!Number.isInteger(expiry) || expiry < 300 || expiry > 86400) throw this.error(`${p}.joinKeyExpirySeconds`, expiry, 'must be from 300 to 86400 seconds');
    const stack = TerraformStack.of(this);
    if (!d.tailscaleProvider && !stack.node.findAll().some((c) => isTailscaleProvider(c) && c.alias === undefined)) {
      throw this.error(`${p}.tailscaleProvider`, null, `is needed (or a TailscaleProvider in stack '${stack.node.id}'): the join key is a tailscale_tailnet_key`);
    }

    // Single use, preauthorized, tagged, short-lived: once the server has joined (or the hour is over) the
    // copy in the user data is worthless. Not recreated when it expires (that would replace the droplet).
    // Its description carries a hash of the configuration: when the fleet changes, the user data changes,
    // and DigitalOcean replaces the droplet; the new description replaces the key with it, so the new
    // droplet gets a fresh key instead of the used one.
    const joinKey = new TailscaleTailnetKey(this, 'join-key', {
      reusable: false,
      ephemeral: false,
      preauthorized: true,
      expiry,
      tags: [this.access.from],
      description: Lazy.stringValue({ produce: () => `${this.name.slice(0, 32)} ${this.configurationHash()}` }),
      recreateIfInvalid: 'never',
      provider: d.tailscaleProvider,
    });
    const tags = [...new Set([...d.tags, 'role:monitoring', 'exposure:public'])];
    const droplet = new Droplet(this, 'droplet', {
      name: this.name,
      region: d.region,
      size: d.size ?? 's-1vcpu-2gb',
      image: d.image ?? 'debian-12-x64',
      sshKeys: [...d.sshKeys],
      monitoring: true,
      ipv6: false,
      backups: false,
      dropletAgent: d.allowDigitalOceanConsole ?? false,
      gracefulShutdown: true,
      ...(d.vpcUuid ? { vpcUuid: d.vpcUuid } : {}),
      tags,
      userData: Lazy.stringValue({
        produce: () => {
          const text = this.cloudInit;
          this.checkSize(Buffer.byteLength(text, 'utf8'), DIGITALOCEAN_USER_DATA_LIMIT);
          return text;
        },
      }),
      provider: d.provider,
    });
    const egress = [...MONITORING_EGRESS, ...DIGITALOCEAN_EXTRA_EGRESS];
    const firewall = new Firewall(this, 'firewall', {
      name: `${this.name}-fw`,
      dropletIds: [Token.asNumber(droplet.id)],
      // No inboundRule at all: nothing reaches the droplet from the internet; the tailnet is the way in.
      outboundRule: egress.map((e) => ({ protocol: e.protocol, portRange: String(e.port), destinationAddresses: ['0.0.0.0/0', '::/0'] })),
      provider: d.provider,
    });
    new DropletHealthAlerts(this, 'alerts', {
      name: this.name,
      dropletIds: [droplet.id],
      dropletTags: d.watchDropletTags ?? ['role:derp'],
      emails: d.alertEmails,
      thresholds: d.alertThresholds,
      provider: d.provider,
    });
    return { droplet, firewall, joinKey };
  }

  private awsId(prop: string, value: string, pattern: RegExp): void {
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && !pattern.test(value))) throw this.error(prop, value ?? null, `must match ${pattern} (or be a reference)`);
  }

  private days(prop: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max) throw this.error(prop, value, `must be a whole number from ${min} to ${max}`);
  }

  private error(prop: string, value: unknown, reason: string): MonitoringError {
    return new MonitoringError(this.node.path, prop, value, reason);
  }
}
