/**
 * The DERP fleet's monitoring server on AWS: AwsMonitoring, its props, and the builder the deprecated
 * Monitoring shares with it.
 */
import { gzipSync } from 'zlib';
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import type { Instance } from '@cdktf/provider-aws/lib/instance';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { AWS_USER_DATA_MAX_BYTES } from '../boot/user-data-limits';
import type { SecretReference } from '../contracts/secret-reference';
import {
  AWS_AMI_ID,
  AWS_IAM_ROLE_NAME,
  AWS_INSTANCE_TYPE,
  AWS_SUBNET_ID,
  AWS_VPC_ID,
  checkInstanceArchitecture,
  type AmiArchitecture,
  type PropValidator,
} from '../validate';
import { validateSecretReference } from '../validate/secret-reference';
import { Ec2StatusCheckAlarm } from './ec2-status-check-alarm';
import { AlertTopic } from './alert-topic';
import { renderAlertmanagerConfig, type AlertReceivers } from './alertmanager-config';
import type { JoinKeySource } from './cloud-init';
import { MONITORING_EGRESS, MonitoringModel, SERVER_NAME, type MonitoringBaseProps } from './model';
import { MonitoringServer } from './monitoring-server';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-instance-profile')>('iam-instance-profile'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role')>('iam-role'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role-policy-attachment')>('iam-role-policy-attachment'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/instance')>('instance'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/security-group')>('security-group'),
};

/** The AWS server's own props (the `aws` props of the deprecated Monitoring). */
export interface AwsMonitoringServerProps {
  /** VPC of the subnet: a `vpc-…` id or a reference. */
  readonly vpcId: string;
  /** A private subnet with a route to the internet through a NAT gateway (the server gets no public IP). */
  readonly subnetId: string;
  /** Pinned AMI id of a Debian 12 or Ubuntu 22.04/24.04 image (no lookups: stacks plan offline), of {@link amiArchitecture}. */
  readonly amiId: string;
  /**
   * The secret holding the server's tailnet join key: best a NodeJoinKey's `secretReference` (a single-use,
   * one-hour key of its own, readable by {@link roleName} only), or SecretStore.secretReference.
   */
  readonly joinKeySecret: SecretReference;
  /**
   * EC2 instance type. Its architecture must be {@link amiArchitecture}'s: Graviton families (a `g` after
   * the generation digit: `t4g`, `m7g`, `c7gn`, and `a1`) are arm64, all others x86_64.
   * @default 't3.small' (2 vCPU, 2 GiB: Prometheus for a fleet of tens of nodes)
   */
  readonly instanceType?: string;
  /**
   * CPU architecture of {@link amiId}, as EC2 spells it (the AMI's `architecture`). The AMI is pinned by id,
   * not looked up, so its architecture is stated here, and an instance type of the other architecture is
   * refused at construction rather than launched into an instance that cannot boot the image.
   * @default 'x86_64' (what the default instance type, t3.small, runs)
   */
  readonly amiArchitecture?: AmiArchitecture;
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
   * IAM role name of the instance: the NodeJoinKey's `nodeRole` (or the role a SecretStore grants the join key).
   * @default `<name>-instance`
   */
  readonly roleName?: string;
  /**
   * Further ARNs notified when a status-check alarm fires or clears (SNS topics, `arn:aws:automate:…`),
   * besides the server's own alert topic (which every alarm and the Alertmanager notify).
   * @default none: only the alert topic
   */
  readonly alarmActions?: readonly string[];
  /**
   * Email addresses subscribed to the alert topic (each must confirm the subscription AWS mails it).
   * @default none (then another alert destination is needed, or alertsGoNowhere)
   */
  readonly alertEmails?: readonly string[];
  /**
   * Account of the server (for the literal ARNs of its alert topic and key).
   * @default the account of joinKeySecret
   */
  readonly accountId?: string;
  /**
   * Region of the server (must be the provider's).
   * @default the region of joinKeySecret
   */
  readonly region?: string;
  /**
   * Other instances (in this stack and region) to put a status-check alarm on, e.g. the relays.
   * @default none (the server's own alarm is always created)
   */
  readonly statusCheckAlarms?: readonly { readonly name: string; readonly instanceId: string }[];
  /**
   * AWS provider of the server's resources.
   * @default the stack's default AWS provider
   */
  readonly provider?: AwsProvider;
}

export interface AwsMonitoringProps extends MonitoringBaseProps, AwsMonitoringServerProps {}

/** What the AWS server is made of. */
export interface AwsMonitoringResources {
  /** The alert topic (KMS-encrypted): CloudWatch alarms and Alertmanager publish to it. */
  readonly alertTopic: SnsTopic;
  /** The topic's customer-managed key. */
  readonly alertKey: KmsKey;
  /** Where the Alertmanager sends alerts (the topic and the props' receivers). */
  readonly receivers: AlertReceivers;
  readonly instance: Instance;
  readonly securityGroup: SecurityGroup;
  readonly role: IamRole;
  readonly roleName: string;
}

/** The join key source of an AWS server: Secrets Manager, read with the instance role. */
export function awsJoinKey(props: AwsMonitoringServerProps): JoinKeySource {
  return { kind: 'aws-secrets-manager', secretId: props.joinKeySecret.name, region: props.joinKeySecret.region };
}

/**
 * Builds the AWS server as children of `host` (so AwsMonitoring and the deprecated Monitoring make the
 * same construct paths, hence the same Terraform addresses). `prop` names the server props in errors:
 * `props` for AwsMonitoring, `props.aws` for Monitoring.
 */
export function buildAwsServer(host: Construct, v: PropValidator, model: MonitoringModel, aws: AwsMonitoringServerProps, prop: string): AwsMonitoringResources {
  if (!aws || typeof aws !== 'object') v.fail(prop, aws ?? null, 'are required');
  v.rule(`${prop}.vpcId`, aws.vpcId, AWS_VPC_ID);
  v.rule(`${prop}.subnetId`, aws.subnetId, AWS_SUBNET_ID);
  v.rule(`${prop}.amiId`, aws.amiId, AWS_AMI_ID);
  const secret = validateSecretReference(v, `${prop}.joinKeySecret`, aws.joinKeySecret);
  const accountId =
    aws.accountId === undefined
      ? /:([0-9]{12}):secret:/.exec(secret.arn)![1]
      : v.matching(`${prop}.accountId`, aws.accountId, /^[0-9]{12}$/, 'a 12-digit AWS account id');
  const region =
    aws.region === undefined
      ? secret.region
      : v.matching(`${prop}.region`, aws.region, /^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$/, "an AWS region such as 'eu-central-1'");
  const alertEmails = (aws.alertEmails ?? []).map((e, i) => v.matching(`${prop}.alertEmails[${i}]`, e, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address'));
  const instanceType = v.rule(`${prop}.instanceType`, aws.instanceType ?? 't3.small', AWS_INSTANCE_TYPE);
  const amiArchitecture = v.oneOf(`${prop}.amiArchitecture`, aws.amiArchitecture ?? 'x86_64', ['arm64', 'x86_64'] as const);
  checkInstanceArchitecture(v, `${prop}.instanceType`, instanceType, amiArchitecture, `${prop}.amiArchitecture`, aws.amiArchitecture === undefined);
  const size = v.integer(`${prop}.rootVolumeSizeGiB`, aws.rootVolumeSizeGiB ?? 20, 8, 16384);
  const roleName = v.rule(`${prop}.roleName`, aws.roleName ?? `${model.name}-instance`, AWS_IAM_ROLE_NAME);
  const name = model.name;

  const provider = aws.provider;
  const securityGroup = new awsClasses.SecurityGroup(host, 'security-group', {
    name: `${name}-sg`,
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
    tags: { Name: `${name}-sg` },
    provider,
  });
  const role = new awsClasses.IamRole(host, 'role', {
    name: roleName,
    description: `Instance role of ${name}: SSM Session Manager only (secrets are granted by SecretStore.grant)`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    maxSessionDuration: 3600,
    tags: { Name: roleName },
    provider,
  });
  new awsClasses.IamRolePolicyAttachment(host, 'ssm-core', {
    role: role.name,
    policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
    provider,
  });
  const profile = new awsClasses.IamInstanceProfile(host, 'instance-profile', { name: roleName, role: role.name, tags: { Name: roleName }, provider });
  const joinKey = awsJoinKey(aws);
  const alerts = new AlertTopic(host, 'alerts', {
    name: `${name}-alerts`,
    accountId,
    region,
    publisherRoleName: roleName,
    publisherRole: role,
    emails: alertEmails,
    provider,
  });
  host.node.addValidation({ validate: () => providerRegionProblems(host, v, `${prop}.region`, region, provider) });
  host.node.addValidation({
    validate: () =>
      model.alertDestinationProblems(model.receivers(alerts.receiver), alerts.hasSubscribers, `no subscriber on the alert topic (${prop}.alertEmails)`),
  });
  const instance = new awsClasses.Instance(host, 'instance', {
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
      tags: { Name: `${name}-root` },
    },
    // gzip (cloud-init reads it; the guardrails decode it): the configs and scripts exceed 16 KiB as text.
    // The payload is all literals, and gzip output is deterministic, so plans stay stable.
    userDataBase64: cdk.Lazy.stringValue({
      produce: () => {
        const zipped = gzipSync(Buffer.from(model.cloudInit(joinKey, model.receivers(alerts.receiver)), 'utf8'), { level: 9 });
        model.checkUserDataSize(zipped.length, AWS_USER_DATA_MAX_BYTES);
        return zipped.toString('base64');
      },
    }),
    tags: { Name: name, role: 'monitoring' },
    provider,
  });
  const alarmActions = [alerts.topicArn, ...(aws.alarmActions ?? [])];
  new Ec2StatusCheckAlarm(host, 'status-check', { instanceId: instance.id, alarmName: `${name}-status-check-failed`, alarmActions, provider });
  (aws.statusCheckAlarms ?? []).forEach((a, i) => {
    if (!SERVER_NAME.test(a.name)) v.fail(`${prop}.statusCheckAlarms[${i}].name`, a.name, "must be lower-case letters, digits or '-'");
    new Ec2StatusCheckAlarm(host, `status-check-${a.name}`, { instanceId: a.instanceId, alarmName: `${a.name}-status-check-failed`, alarmActions, provider });
  });
  return { alertTopic: alerts.topic, alertKey: alerts.key, receivers: model.receivers(alerts.receiver), instance, securityGroup, role, roleName };
}

/** The provider's region, when a literal, must be the server's: the topic and key ARNs say `region`. */
function providerRegionProblems(host: Construct, v: PropValidator, prop: string, region: string, provider?: AwsProvider): string[] {
  const stack = cdk.TerraformStack.of(host);
  const p =
    provider ??
    (stack.node.findAll().find((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'aws' && (c as AwsProvider).alias === undefined) as
      AwsProvider | undefined);
  const actual = p?.region;
  if (actual === undefined || cdk.Token.isUnresolved(actual) || actual === region) return [];
  return [v.error(prop, region, `differs from the AWS provider's region '${actual}'; the alert topic's ARN would be wrong (set ${prop})`).message];
}

/**
 * The DERP fleet's monitoring server on AWS, with no inbound port open to the internet: an EC2 instance with
 * no public IP (it reaches the internet through the subnet's NAT gateway or egress-only route; the subnet
 * must have one), a security group with no ingress and egress only on 80/443 tcp (packages,
 * pkgs.tailscale.com, Secrets Manager, probes) and 41641/3478 udp (WireGuard, STUN), IMDSv2 only with hop
 * limit 1, an encrypted gp3 root, an instance profile with only the SSM core policy (shell access through
 * Session Manager, no SSH), detailed monitoring and termination protection. The join key is read at boot
 * from Secrets Manager with the instance role: give it a NodeJoinKey of its own (`nodeRole`: the role's name;
 * the key's store grants the read). The image's architecture (`amiArchitecture`) must be the instance
 * type's. CloudWatch alarms on the instance (and optionally on other instances) fire even when the server is down.
 *
 * It watches the fleet over the tailnet: the one access model (`tag:monitoring -> tag:derp:9100`) makes both the
 * scrape targets and the tailnet ACL entry; it probes the nodes' public HTTPS and STUN endpoints outbound and
 * alerts on node down, failing probes, disk and certificate expiry.
 */
export class AwsMonitoring extends MonitoringServer {
  public readonly instance: Instance;
  public readonly securityGroup: SecurityGroup;
  public readonly role: IamRole;
  /** The instance role's name, known at synth (the `nodeRole` of its NodeJoinKey). */
  public readonly roleName: string;
  /** The alert topic every alarm and the Alertmanager publish to. */
  public readonly alertTopic: SnsTopic;

  private readonly joinKey: JoinKeySource;
  private readonly receivers: AlertReceivers;

  constructor(scope: Construct, id: string, props: AwsMonitoringProps) {
    super(scope, id, 'AwsMonitoring', props);
    const built = buildAwsServer(this, this.validator, this.model, props, 'props');
    this.instance = built.instance;
    this.securityGroup = built.securityGroup;
    this.role = built.role;
    this.roleName = built.roleName;
    this.alertTopic = built.alertTopic;
    this.receivers = built.receivers;
    this.joinKey = awsJoinKey(props);
  }

  /** The Alertmanager configuration (its receivers: the alert topic and the props'), for review. */
  public get alertmanagerConfig(): string {
    return renderAlertmanagerConfig(this.receivers);
  }

  /** The cloud-config text (before gzip), for review. */
  public override get cloudInit(): string {
    return this.model.cloudInit(this.joinKey, this.receivers);
  }
}
