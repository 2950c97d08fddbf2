/**
 * Where alerts go on AWS: an SNS topic encrypted with its own customer-managed key (rotation on), with
 * email subscribers. CloudWatch alarms of this account may use the key (an alarm cannot publish to an
 * encrypted topic otherwise); an optional publisher role (the monitoring server's, for Alertmanager's SNS
 * receiver) may publish and use the key only through SNS. Alarms publish only to topics in their own region,
 * so a stack with alarms in another region makes its own AlertTopic there.
 */
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { KEY_ADMIN_ACTIONS } from '../secrets/secret-store';
import { AWS_IAM_ROLE_NAME, PropValidator } from '../validate';
import { MonitoringAlarmError } from './alarm-error';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role-policy')>('iam-role-policy'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/kms-alias')>('kms-alias'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/kms-key')>('kms-key'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/sns-topic')>('sns-topic'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/sns-topic-subscription')>('sns-topic-subscription'),
};

export interface AlertTopicProps {
  /** Topic name (also the key alias `alias/<name>`), e.g. `derp-alerts`. */
  readonly name: string;
  /** Account of the topic (12 digits): its ARN is written literally into policies. */
  readonly accountId: string;
  /** Region of the topic (the provider's). */
  readonly region: string;
  /**
   * Email addresses subscribed (each confirms the subscription AWS mails it).
   * @default none: add subscriptions elsewhere, or nobody is notified
   */
  readonly emails?: readonly string[];
  /**
   * IAM role (name) allowed to publish (e.g. the monitoring server's, for Alertmanager).
   * @default none: only CloudWatch alarms publish
   */
  readonly publisherRoleName?: string;
  /**
   * The publisher role's resource, when it is in this stack: the publish policy is created after it.
   * @default none: the role exists already (or elsewhere)
   */
  readonly publisherRole?: IamRole;
  /**
   * AWS provider of the topic, its key and subscriptions (its region must be `region`).
   * @default the stack's default AWS provider
   */
  readonly provider?: AwsProvider;
}

export class AlertTopic extends Construct {
  public readonly topic: SnsTopic;
  public readonly key: KmsKey;
  /** The topic's ARN as a literal (known at synth; for policies and other stacks). */
  public readonly topicArnLiteral: string;
  /** The topic's ARN as a reference (for alarm actions in this stack). */
  public readonly topicArn: string;
  /** Alertmanager's SNS receiver for this topic. */
  public readonly receiver: { readonly topicArn: string; readonly region: string };
  /** Whether anyone is subscribed here. */
  public readonly hasSubscribers: boolean;
  /** The publisher role's policy, when there is a publisher. */
  public readonly publishPolicy?: IamRolePolicy;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const v = new PropValidator(this, 'AlertTopic', MonitoringAlarmError);
    const name = v.matching('props.name', props.name, /^[A-Za-z0-9_-]{1,200}$/, 'a topic name of letters, digits, _ and - (1-200)');
    const accountId = v.matching('props.accountId', props.accountId, /^[0-9]{12}$/, 'a 12-digit AWS account id');
    const region = v.matching('props.region', props.region, /^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$/, "an AWS region such as 'eu-central-1'");
    const emails = (props.emails ?? []).map((e, i) =>
      cdk.Token.isUnresolved(e) ? e : v.matching(`props.emails[${i}]`, e, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address'),
    );
    const publisher = props.publisherRoleName === undefined ? undefined : v.rule('props.publisherRoleName', props.publisherRoleName, AWS_IAM_ROLE_NAME);
    this.topicArnLiteral = `arn:aws:sns:${region}:${accountId}:${name}`;
    this.receiver = { topicArn: this.topicArnLiteral, region };
    this.hasSubscribers = emails.length > 0;
    const aliasName = `alias/${name}`;
    const root = `arn:aws:iam::${accountId}:root`;
    const statements: object[] = [
      { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: root }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' },
      {
        // CloudWatch encrypts what its alarms publish to the encrypted topic; only for this account's alarms.
        Sid: 'CloudWatchAlarmsPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
      },
    ];
    if (publisher) {
      statements.push({
        Sid: 'PublisherThroughSns',
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ViaService': `sns.${region}.amazonaws.com`, 'kms:CallerAccount': accountId },
          ArnLike: { 'aws:PrincipalArn': [`arn:aws:iam::${accountId}:role/${publisher}`, `arn:aws:iam::${accountId}:role/*/${publisher}`] },
        },
      });
    }
    this.key = new awsClasses.KmsKey(this, 'key', {
      description: `Encrypts the alert topic ${name}`,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      multiRegion: false,
      bypassPolicyLockoutSafetyCheck: false,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      tags: { Name: name },
      provider: props.provider,
    });
    new awsClasses.KmsAlias(this, 'alias', { name: aliasName, targetKeyId: this.key.keyId, provider: props.provider });
    this.topic = new awsClasses.SnsTopic(this, 'topic', { name, kmsMasterKeyId: this.key.arn, tags: { Name: name }, provider: props.provider });
    this.topicArn = this.topic.arn;
    emails.forEach(
      (email, i) =>
        new awsClasses.SnsTopicSubscription(this, `email-${i}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email, provider: props.provider }),
    );
    if (publisher) {
      this.publishPolicy = new awsClasses.IamRolePolicy(this, 'publish', {
        name: `publish-${name}`.slice(0, 128),
        role: publisher,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'PublishAlerts', Effect: 'Allow', Action: ['sns:Publish'], Resource: [this.topicArnLiteral] },
            {
              Sid: 'AlertKeyThroughSns',
              Effect: 'Allow',
              Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
              Resource: `arn:aws:kms:${region}:${accountId}:key/*`,
              Condition: {
                StringEquals: { 'kms:ViaService': `sns.${region}.amazonaws.com` },
                'ForAnyValue:StringEquals': { 'kms:ResourceAliases': aliasName },
              },
            },
          ],
        }),
        ...(props.publisherRole ? { dependsOn: [props.publisherRole] } : {}),
        provider: props.provider,
      });
    }
  }
}
