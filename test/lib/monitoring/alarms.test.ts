import * as fs from 'fs';
import { TerraformVariable } from 'cdktf';
import { DropletHealthAlerts, Ec2StatusCheckAlarm, MonitoringAlarmError } from '../../../lib/monitoring';
import { awsStack, stackFile, testApp } from '../../helpers/app';
import { synthClean } from '../tailnet/clean-synth';
import { TAGS } from './helpers';

describe('Ec2StatusCheckAlarm', () => {
  test('alarms on StatusCheckFailed of an instance in the stack, passes every guardrail', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    // A token, as a relay's instance id is.
    const instanceId = new TerraformVariable(stack, 'relay_instance_id', { type: 'string' });
    new Ec2StatusCheckAlarm(stack, 'alarm', {
      instanceId: instanceId.stringValue,
      alarmName: 'relay-status',
      alarmActions: ['arn:aws:automate:eu-west-1:ec2:recover', 'arn:aws:sns:eu-west-1:123456789012:oncall'],
    });
    synthClean(app);
    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
    const alarm: any = Object.values(tf.resource.aws_cloudwatch_metric_alarm)[0];
    expect(alarm).toMatchObject({
      metric_name: 'StatusCheckFailed',
      namespace: 'AWS/EC2',
      statistic: 'Maximum',
      evaluation_periods: 2,
      treat_missing_data: 'breaching',
      dimensions: { InstanceId: '${var.relay_instance_id}' },
      alarm_actions: ['arn:aws:automate:eu-west-1:ec2:recover', 'arn:aws:sns:eu-west-1:123456789012:oncall'],
    });
  });

  test.each([
    [{ instanceId: 'relay-1', alarmName: 'x' }, /props\.instanceId "relay-1"/],
    [{ instanceId: 'i-0123456789abcdef0', alarmName: '' }, /props\.alarmName ""/],
    [{ instanceId: 'i-0123456789abcdef0', alarmName: 'x', alarmActions: ['oncall'] }, /props\.alarmActions\[0\] "oncall" must be an ARN/],
  ])('refuses %p', (props, message) => {
    const stack = awsStack(testApp(), 'main');
    expect(() => new Ec2StatusCheckAlarm(stack, 'alarm', props)).toThrow(MonitoringAlarmError);
    expect(() => new Ec2StatusCheckAlarm(stack, 'alarm2', props)).toThrow(message);
  });
});

describe('DropletHealthAlerts', () => {
  test('three alerts (cpu, memory, disk) for tagged droplets, passes every guardrail', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS, digitalocean: true });
    const webhook = new TerraformVariable(stack, 'slack_webhook', { type: 'string', sensitive: true });
    new DropletHealthAlerts(stack, 'alerts', {
      name: 'derp',
      dropletTags: ['role:derp'],
      emails: ['oncall@example.com'],
      slack: [{ channel: '#derp', url: webhook.stringValue }],
      thresholds: { cpuPercent: 70 },
    });
    synthClean(app);
    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
    const alerts = Object.values(tf.resource.digitalocean_monitor_alert) as any[];
    expect(alerts.map((a) => [a.type, a.value]).sort()).toEqual([
      ['v1/insights/droplet/cpu', 70],
      ['v1/insights/droplet/disk_utilization_percent', 85],
      ['v1/insights/droplet/memory_utilization_percent', 90],
    ]);
    expect(alerts[0].alerts.slack[0].url).toBe('${var.slack_webhook}');
  });

  test.each([
    [{ name: 'derp', emails: ['a@example.com'] }, /props\.dropletIds \[\] and props\.dropletTags are both empty/],
    [{ name: 'derp', dropletTags: ['role derp'], emails: ['a@example.com'] }, /props\.dropletTags\[0\] "role derp"/],
    [{ name: 'derp', dropletTags: ['role:derp'], emails: [] }, /props\.emails \[\] must list at least one/],
    [
      { name: 'derp', dropletTags: ['role:derp'], emails: ['a@example.com'], slack: [{ channel: '#x', url: 'https://hooks.slack.com/services/T0/B0/XYZ' }] },
      /props\.slack\[0\]\.url "<redacted>" is a literal/,
    ],
    [{ name: 'derp', dropletTags: ['role:derp'], emails: ['a@example.com'], thresholds: { diskPercent: 120 } }, /props\.thresholds\.diskPercent 120/],
  ])('refuses %p', (props, message) => {
    const stack = awsStack(testApp(), 'main', { digitalocean: true });
    expect(() => new DropletHealthAlerts(stack, 'alerts', props as any)).toThrow(message);
  });
});
