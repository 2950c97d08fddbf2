/**
 * The DERP fleet's monitoring server on AWS or DigitalOcean, chosen by a `cloud` prop.
 *
 * Deprecated: use {@link AwsMonitoring} or {@link DigitalOceanMonitoring}, whose props and outputs are those
 * of their cloud only (the server is described there). This wrapper builds exactly what they build, at the
 * same construct paths (so the same Terraform addresses): switching to them changes nothing in the plan.
 * It stays for one release (0.2.0).
 */
import { Construct } from 'constructs';
import type { Instance } from '@cdktf/provider-aws/lib/instance';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import type { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import type { Firewall } from '@cdktf/provider-digitalocean/lib/firewall';
import type { TailscaleTailnetKey } from '../tailscale/tailnet-key';
import type { PropValidator } from '../validate';
import type { TailnetAccess } from './access';
import { awsJoinKey, buildAwsServer, type AwsMonitoringServerProps } from './aws-monitoring';
import type { AlertReceivers } from './alertmanager-config';
import { buildDigitalOceanServer, type DigitalOceanMonitoringServerProps } from './digitalocean-monitoring';
import { MonitoringModel, monitoringValidator, type MonitoringBaseProps } from './model';
import type { NodeTargets } from './targets';

export { MONITORING_EGRESS, MonitoringError } from './model';
export { DIGITALOCEAN_EXTRA_EGRESS } from './digitalocean-monitoring';

/**
 * Props of the deprecated {@link Monitoring}: the shared props plus the server of one cloud.
 * @deprecated use AwsMonitoringProps or DigitalOceanMonitoringProps.
 */
export interface MonitoringProps extends MonitoringBaseProps {
  /** Where the server runs; the matching sub-props (`aws` or `digitalocean`) are required. */
  readonly cloud: 'aws' | 'digitalocean';
  /**
   * The AWS server (required when cloud is 'aws', refused otherwise).
   * @default none
   */
  readonly aws?: AwsMonitoringServerProps;
  /**
   * The DigitalOcean server (required when cloud is 'digitalocean', refused otherwise).
   * @default none
   */
  readonly digitalocean?: DigitalOceanMonitoringServerProps;
}

/**
 * The monitoring server on the cloud named by `props.cloud`.
 * @deprecated use AwsMonitoring or DigitalOceanMonitoring (same resources, same construct paths); Monitoring
 * will be removed after 0.2.0.
 */
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
  private readonly model: MonitoringModel;
  private receivers?: AlertReceivers;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.props = props;
    const v: PropValidator = monitoringValidator(this, 'Monitoring');
    if (!props || typeof props !== 'object') v.fail('props', null, 'are required');
    if (props.cloud !== 'aws' && props.cloud !== 'digitalocean') v.fail('props.cloud', props.cloud ?? null, "must be 'aws' or 'digitalocean'");
    this.model = new MonitoringModel(v, props);
    this.access = this.model.access;
    this.name = this.model.name;
    this.tailnetHostName = this.model.tailnetHostName;

    if (props.cloud === 'aws') {
      if (!props.aws) v.fail('props.aws', null, "is required when cloud is 'aws'");
      if (props.digitalocean) v.fail('props.digitalocean', '<set>', "must not be set when cloud is 'aws'");
      const built = buildAwsServer(this, v, this.model, props.aws, 'props.aws');
      this.instance = built.instance;
      this.securityGroup = built.securityGroup;
      this.role = built.role;
      this.roleName = built.roleName;
      this.receivers = built.receivers;
    } else {
      if (!props.digitalocean) v.fail('props.digitalocean', null, "is required when cloud is 'digitalocean'");
      if (props.aws) v.fail('props.aws', '<set>', "must not be set when cloud is 'digitalocean'");
      const built = buildDigitalOceanServer(this, v, this.model, props.digitalocean, 'props.digitalocean');
      this.droplet = built.droplet;
      this.firewall = built.firewall;
      this.joinKey = built.joinKey;
    }
  }

  /** What Prometheus watches per DERP node (read at synth). */
  public get targets(): NodeTargets[] {
    return this.model.targets;
  }

  public get prometheusConfig(): string {
    return this.model.prometheusConfig;
  }

  public get alertRules(): string {
    return this.model.alertRules;
  }

  public get blackboxConfig(): string {
    return this.model.blackboxConfig;
  }

  /** The cloud-config text (before any compression), for review. */
  public get cloudInit(): string {
    const joinKey = this.joinKey;
    return this.model.cloudInit(
      this.props.cloud === 'aws' || joinKey === undefined ? awsJoinKey(this.props.aws!) : { kind: 'user-data', keyReference: joinKey.key },
      this.receivers,
    );
  }
}
