/**
 * Cloud-side health alarms, independent of the monitoring server (they still fire when it is down):
 * CloudWatch on EC2 status checks, DigitalOcean monitor alerts on droplet CPU, memory and disk.
 * Usable on their own, in the stack that owns the instances (no cross-stack references needed).
 */
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { MonitorAlert } from '@cdktf/provider-digitalocean/lib/monitor-alert';
import type { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { ConstructConfigError } from '../errors';
import { AWS_INSTANCE_ID, DIGITALOCEAN_TAG, PropValidator } from '../validate';

/** A prop of Ec2StatusCheckAlarm or DropletHealthAlerts is invalid. */
export class MonitoringAlarmError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind: string) {
    super({ constructKind, constructPath, prop, value, reason });
    this.name = 'MonitoringAlarmError';
  }
}

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
    this.alarm = new CloudwatchMetricAlarm(this, 'alarm', {
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

export interface DropletHealthThresholds {
  /** @default 85 */
  readonly cpuPercent?: number;
  /** @default 90 */
  readonly memoryPercent?: number;
  /** @default 85 */
  readonly diskPercent?: number;
}

export interface DropletHealthAlertsProps {
  /** Prefix of the alerts' descriptions, e.g. `derp`. */
  readonly name: string;
  /**
   * Droplet ids to watch (tokens such as `droplet.id` are fine).
   * @default none (then dropletTags is required)
   */
  readonly dropletIds?: readonly string[];
  /**
   * Watch every droplet with one of these tags (e.g. `role:derp`), including ones created later.
   * @default none (then dropletIds is required)
   */
  readonly dropletTags?: readonly string[];
  /** Email addresses (of the DigitalOcean team) to notify. At least one. */
  readonly emails: readonly string[];
  /**
   * Slack webhooks. The URL is a credential: pass it as a token (a sensitive TerraformVariable), never a literal.
   * @default none
   */
  readonly slack?: readonly { readonly channel: string; readonly url: string }[];
  /** @default cpu 85, memory 90, disk 85 (percent) */
  readonly thresholds?: DropletHealthThresholds;
  /**
   * How long a threshold must be exceeded: 5m, 10m, 30m or 1h.
   * @default '10m'
   */
  readonly window?: '5m' | '10m' | '30m' | '1h';
  /** @default the stack's DigitalOcean provider */
  readonly provider?: DigitaloceanProvider;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** DigitalOcean monitor alerts on CPU, memory and disk utilisation of droplets (needs the monitoring agent). */
export class DropletHealthAlerts extends Construct {
  public readonly alerts: MonitorAlert[];

  constructor(scope: Construct, id: string, props: DropletHealthAlertsProps) {
    super(scope, id);
    const v = new PropValidator(this, 'DropletHealthAlerts', MonitoringAlarmError);
    const err = v.error.bind(v);
    if (!/^[A-Za-z0-9 ._-]{1,60}$/.test(props.name ?? '')) throw err('props.name', props.name ?? null, 'must be 1-60 letters, digits, spaces or . _ -');
    const ids = props.dropletIds ?? [];
    const tags = props.dropletTags ?? [];
    if (ids.length === 0 && tags.length === 0) throw err('props.dropletIds', ids, 'and props.dropletTags are both empty: the alerts would watch nothing');
    ids.forEach((d, i) => {
      if (!Token.isUnresolved(d) && !/^[0-9]+$/.test(d)) throw err(`props.dropletIds[${i}]`, d, 'must be a droplet id or a reference to one');
    });
    tags.forEach((t, i) => v.rule(`props.dropletTags[${i}]`, t, DIGITALOCEAN_TAG));
    if (!Array.isArray(props.emails) || props.emails.length === 0) throw err('props.emails', props.emails ?? null, 'must list at least one address');
    props.emails.forEach((e, i) => {
      if (!Token.isUnresolved(e) && !EMAIL.test(e)) throw err(`props.emails[${i}]`, e, 'must be an email address');
    });
    (props.slack ?? []).forEach((s, i) => {
      if (!Token.isUnresolved(s.url))
        throw err(
          `props.slack[${i}].url`,
          '<redacted>',
          'is a literal; a webhook URL is a credential and would sit in plain text in cdk.tf.json. Pass a sensitive TerraformVariable.',
        );
    });
    const t = props.thresholds ?? {};
    const thresholds: [string, string, number][] = [
      ['cpu', 'v1/insights/droplet/cpu', t.cpuPercent ?? 85],
      ['memory', 'v1/insights/droplet/memory_utilization_percent', t.memoryPercent ?? 90],
      ['disk', 'v1/insights/droplet/disk_utilization_percent', t.diskPercent ?? 85],
    ];
    for (const [what, , value] of thresholds) {
      if (!Number.isFinite(value) || value <= 0 || value >= 100) throw err(`props.thresholds.${what}Percent`, value, 'must be a percentage between 0 and 100');
    }
    const window = props.window ?? '10m';
    if (!['5m', '10m', '30m', '1h'].includes(window)) throw err('props.window', window, "must be '5m', '10m', '30m' or '1h'");
    this.alerts = thresholds.map(
      ([what, type, value]) =>
        new MonitorAlert(this, what, {
          type,
          compare: 'GreaterThan',
          value,
          window,
          enabled: true,
          description: `${props.name}: ${what} above ${value}% for ${window}`,
          ...(ids.length > 0 ? { entities: [...ids] } : {}),
          ...(tags.length > 0 ? { tags: [...tags] } : {}),
          alerts: { email: [...props.emails], ...(props.slack?.length ? { slack: props.slack.map((s) => ({ channel: s.channel, url: s.url })) } : {}) },
          provider: props.provider,
        }),
    );
  }
}

function checkArns(err: (prop: string, value: unknown, reason: string) => Error, prop: string, arns: readonly string[] | undefined): void {
  (arns ?? []).forEach((a, i) => {
    if (!Token.isUnresolved(a) && !/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9]*:.+$/.test(a)) throw err(`${prop}[${i}]`, a, 'must be an ARN');
  });
}
