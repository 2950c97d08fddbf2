/**
 * A CloudWatch alarm on an EC2 instance's status checks, independent of the monitoring server (it still
 * fires when that is down). Usable on its own, in the stack that owns the instance.
 */
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AWS_INSTANCE_ID, PropValidator } from '../validate';
import { MonitoringAlarmError } from './alarm-error';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/cloudwatch-metric-alarm')>('cloudwatch-metric-alarm'),
};

const ALARM_NAME = /^[A-Za-z0-9 ._/:-]{1,200}$/;

export interface Ec2StatusCheckAlarmProps {
  /** Instance id (a token such as `instance.id` is fine; from this stack, to avoid a cross-stack reference). */
  readonly instanceId: string;
  /** Alarm name, e.g. `derp-fra1-status-check-failed`. */
  readonly alarmName: string;
  /**
   * ARNs notified on alarm and on recovery: an SNS topic in the alarm's region (an AlertTopic's
   * `topicArn`), or `arn:aws:automate:<region>:ec2:recover`. At least one, unless alertsGoNowhere.
   * @default none, which is refused unless alertsGoNowhere is set
   */
  readonly alarmActions?: readonly string[];
  /**
   * Accept an alarm that notifies no one (it shows in the CloudWatch console only).
   * @default false: an alarm without alarmActions is refused
   */
  readonly alertsGoNowhere?: boolean;
  /**
   * Provider (region) of the instance; alarms live in the instance's region.
   * @default the stack's default AWS provider
   */
  readonly provider?: AwsProvider;
}

/**
 * `StatusCheckFailed` (instance or system check) for 2 of 2 minutes. Missing data counts as failing: a
 * stopped or terminated relay is an outage too.
 */
export class Ec2StatusCheckAlarm extends Construct {
  public readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: Ec2StatusCheckAlarmProps) {
    super(scope, id);
    const v = new PropValidator(this, 'Ec2StatusCheckAlarm', MonitoringAlarmError);
    const err = v.error.bind(v);
    v.rule('props.instanceId', props.instanceId ?? null, AWS_INSTANCE_ID);
    if (!ALARM_NAME.test(props.alarmName ?? '')) throw err('props.alarmName', props.alarmName ?? null, 'must be 1-200 letters, digits, spaces or . _ / : -');
    checkArns(err, 'props.alarmActions', props.alarmActions);
    if ((props.alarmActions ?? []).length === 0 && v.boolean('props.alertsGoNowhere', props.alertsGoNowhere ?? false) !== true) {
      throw err(
        'props.alarmActions',
        props.alarmActions ?? null,
        "must list at least one action (an SNS topic in the alarm's region, e.g. an AlertTopic's topicArn): an alarm that notifies no one is only seen by whoever opens the console. Set alertsGoNowhere: true to accept that",
      );
    }
    const actions = props.alarmActions ? [...props.alarmActions] : undefined;
    this.alarm = new awsClasses.CloudwatchMetricAlarm(this, 'alarm', {
      alarmName: props.alarmName,
      alarmDescription: 'EC2 status check failing (instance or system): the instance is unreachable or impaired.',
      namespace: 'AWS/EC2',
      metricName: 'StatusCheckFailed',
      dimensions: { InstanceId: props.instanceId },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'breaching',
      actionsEnabled: true,
      ...(actions ? { alarmActions: actions, okActions: actions } : {}),
      tags: { Name: props.alarmName },
      provider: props.provider,
    });
  }
}

function checkArns(err: (prop: string, value: unknown, reason: string) => Error, prop: string, arns: readonly string[] | undefined): void {
  (arns ?? []).forEach((a, i) => {
    if (!cdk.Token.isUnresolved(a) && !/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9]*:.+$/.test(a)) throw err(`${prop}[${i}]`, a, 'must be an ARN');
  });
}
