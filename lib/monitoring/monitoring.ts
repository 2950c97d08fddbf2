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
import { awsJoinKey, buildAwsServer, type AwsMonitoringServerProps } from './aws-monitoring';
import type { AlertReceivers } from './alertmanager-config';
import { buildDigitalOceanServer, type DigitalOceanMonitoringServerProps } from './digitalocean-monitoring';
import type { PropValidator } from '../validate';
import type { MonitoringBaseProps } from './model';
import { MonitoringServer } from './monitoring-server';

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
export class Monitoring extends MonitoringServer {
  /** AWS: the instance, its security group, role and role name. */
  public readonly instance?: Instance;
  public readonly securityGroup?: SecurityGroup;
  public readonly role?: IamRole;
  public readonly roleName?: string;
  /** DigitalOcean: the droplet, its firewall and its join key. */
  public readonly droplet?: Droplet;
  public readonly firewall?: Firewall;
  public readonly joinKey?: TailscaleTailnetKey;

  private readonly props: MonitoringProps;
  private receivers?: AlertReceivers;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id, 'Monitoring', props, (v) => {
      if (!props || typeof props !== 'object') v.fail('props', null, 'are required');
      if (props.cloud !== 'aws' && props.cloud !== 'digitalocean') v.fail('props.cloud', props.cloud ?? null, "must be 'aws' or 'digitalocean'");
    });
    this.props = props;
    // Typed here so that `v.fail` (which never returns) narrows the props below.
    const v: PropValidator = this.validator;

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

  /** The cloud-config text (before any compression), for review. */
  public override get cloudInit(): string {
    const joinKey = this.joinKey;
    return this.model.cloudInit(
      this.props.cloud === 'aws' || joinKey === undefined ? awsJoinKey(this.props.aws!) : { kind: 'user-data', keyReference: joinKey.key },
      this.receivers,
    );
  }
}
