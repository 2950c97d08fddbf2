/**
 * Alerts reach someone: the AWS alert topic (KMS-encrypted) behind every CloudWatch alarm and the
 * Alertmanager, receivers on DigitalOcean, a refusal when alerts would go nowhere; and the new boot parts
 * (Alertmanager, derpprobe) checked by cloud-init schema, bash -n and shellcheck.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { App } from 'cdktf';
import {
  AlertTopic,
  AwsMonitoring,
  DERPPROBE_HARDENING,
  DERPPROBE_UNIT,
  DigitalOceanMonitoring,
  Ec2StatusCheckAlarm,
  INSTALL_DERPPROBE_SCRIPT,
  MonitoringError,
  bootstrapScript,
} from '../../../lib/monitoring';
import { awsStack, stackFile, synthError, testApp } from '../../helpers/app';
import { synthClean } from '../tailnet/clean-synth';
import { AWS_PROPS, DO_PROPS, TAGS, monitoringStack } from './helpers';
import { run, testWithTool, tmpDir } from './tools';

function synthTf(app: App): any {
  synthClean(app);
  return JSON.parse(fs.readFileSync(stackFile(app, 'monitoring'), 'utf8'));
}

function awsBuild(extra: Record<string, unknown> = {}) {
  const app = testApp();
  const { stack, fleet, policy } = monitoringStack(app);
  const monitoring = new AwsMonitoring(stack, 'monitoring', {
    fleet,
    tailnetPolicy: policy,
    ...AWS_PROPS,
    statusCheckAlarms: [{ name: 'derp-fra1', instanceId: 'i-0123456789abcdef0' }],
    ...extra,
  });
  return { app, monitoring };
}

describe('AWS: the alert topic', () => {
  test('every CloudWatch alarm notifies the alert topic; the topic is encrypted with its own rotating key; email subscribers', () => {
    const { app } = awsBuild();
    const tf = synthTf(app);
    const topicName = Object.keys(tf.resource.aws_sns_topic)[0];
    const keyName = Object.keys(tf.resource.aws_kms_key)[0];
    expect(tf.resource.aws_sns_topic[topicName]).toMatchObject({ name: 'derp-monitoring-alerts', kms_master_key_id: `\${aws_kms_key.${keyName}.arn}` });
    expect(tf.resource.aws_kms_key[keyName]).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    const alarms = Object.values(tf.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms).toHaveLength(2);
    for (const a of alarms) {
      expect(a.alarm_actions).toEqual([`\${aws_sns_topic.${topicName}.arn}`]);
      expect(a.ok_actions).toEqual(a.alarm_actions);
    }
    expect(Object.values(tf.resource.aws_sns_topic_subscription)).toEqual([expect.objectContaining({ protocol: 'email', endpoint: 'oncall@example.com' })]);
    const policy = JSON.parse(tf.resource.aws_kms_key[keyName].policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['AccountAdministersKey', 'CloudWatchAlarmsPublish', 'PublisherThroughSns']);
    expect(policy.Statement[1]).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    });
  });

  test('the Alertmanager publishes to the same topic with the instance role; Prometheus sends to the local Alertmanager', () => {
    const { app, monitoring } = awsBuild();
    synthTf(app);
    expect(monitoring.alertmanagerConfig).toContain('topic_arn: "arn:aws:sns:eu-central-1:123456789012:derp-monitoring-alerts"');
    expect(monitoring.cloudInit).toContain('path: "/etc/derp-monitoring/alertmanager.yml"');
    expect(monitoring.prometheusConfig).toContain('"127.0.0.1:9093"');
    expect(monitoring.cloudInit).toContain('--web.listen-address=127.0.0.1:9093 --cluster.listen-address=');
  });

  test('the user data is the reviewed cloud-init, with derpprobe and its derpMap', () => {
    const { app, monitoring } = awsBuild();
    const tf = synthTf(app);
    const instance = Object.values(tf.resource.aws_instance)[0] as any;
    const text = gunzipSync(Buffer.from(instance.user_data_base64, 'base64')).toString('utf8');
    expect(text).toBe(monitoring.cloudInit);
    expect(text).toContain('path: "/etc/derp-monitoring/derpprobe-derpmap.json"');
    expect(text).toContain('"HostName": "derp-fra1.derp.example.com"');
    expect(text).toContain('go install \\"tailscale.com/cmd/derpprobe@v$TAILSCALE_VERSION\\"'.replace(/\\"/g, '"'));
  });

  test('synth refuses a server whose alerts reach no one, naming the construct and the prop; alertsGoNowhere accepts it', () => {
    const { app } = awsBuild({ alertEmails: [] });
    const error = synthError(app);
    expect(error).toBeDefined();
    expect(String(error.message)).toMatch(
      /AwsMonitoring 'monitoring\/monitoring': props\.alerting null gives the alerts nowhere to go: .* no subscriber on the alert topic \(props\.alertEmails\)\. Add one, or set alertsGoNowhere: true/,
    );
    synthTf(awsBuild({ alertEmails: [], alertsGoNowhere: true }).app);
    synthTf(awsBuild({ alertEmails: [], alerting: { webhooks: ['https://alerts.example.com/x'] } }).app);
    synthTf(awsBuild({ alertEmails: [], alertmanagers: ['alertmanager.internal:9093'] }).app);
  });

  test.each([
    [
      { alerting: { webhooks: ['http://alerts.example.com/x'] } },
      /props\.alerting\.webhooks\[0\] "http:\/\/alerts\.example\.com\/x" must be an https:\/\/ URL/,
    ],
    [{ alerting: { webhooks: ['https://user:secret@alerts.example.com/x'] } }, /props\.alerting\.webhooks\[0\] "<redacted>" must not carry credentials/],
    [
      { alerting: { email: { to: [], from: 'a@example.com', smarthost: 'smtp.example.com:587' } } },
      /props\.alerting\.email\.to \[\] must list at least one recipient/,
    ],
    [{ alertEmails: ['oncall'] }, /props\.alertEmails\[0\] "oncall" must be an email address/],
    [{ relayVersionMaxAgeDays: 5 }, /props\.relayVersionMaxAgeDays 5 must be an integer from 30 to 730/],
    [{ derpprobeSha256: 'abc' }, /props\.derpprobeSha256 "abc" must be a sha256/],
  ])('refuses %p', (extra, message) => {
    let error: unknown;
    try {
      awsBuild(extra);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitoringError);
    expect((error as Error).message).toMatch(message);
  });

  test("a region other than the provider's is refused at synth", () => {
    const { app } = awsBuild({ region: 'us-east-1' });
    expect(String(synthError(app)?.message)).toMatch(/props\.region "us-east-1" differs from the AWS provider's region 'eu-central-1'/);
  });
});

describe('DigitalOcean: Alertmanager receivers', () => {
  test('a webhook receiver; without one synth refuses, naming the prop', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const d = new DigitalOceanMonitoring(stack, 'monitoring', { fleet, ...DO_PROPS });
    synthTf(app);
    expect(d.cloudInit).toContain('url: \\"https://alerts.example.com/alertmanager\\"'.replace(/\\"/g, '"'));
    const app2 = testApp();
    const m2 = monitoringStack(app2);
    const { alerting: _unused, ...withoutAlerting } = DO_PROPS;
    new DigitalOceanMonitoring(m2.stack, 'monitoring', { fleet: m2.fleet, ...withoutAlerting });
    expect(String(synthError(app2)?.message)).toMatch(/DigitalOceanMonitoring 'monitoring\/monitoring': props\.alerting null gives the alerts nowhere to go/);
  });
});

describe('standalone alarms and topics', () => {
  test('an alarm without actions is refused unless alertsGoNowhere', () => {
    const stack = awsStack(testApp(), 'main');
    expect(() => new Ec2StatusCheckAlarm(stack, 'a', { instanceId: 'i-0123456789abcdef0', alarmName: 'x' })).toThrow(
      /Ec2StatusCheckAlarm 'main\/a': props\.alarmActions null must list at least one action .* Set alertsGoNowhere: true/,
    );
    new Ec2StatusCheckAlarm(stack, 'b', { instanceId: 'i-0123456789abcdef0', alarmName: 'x', alertsGoNowhere: true });
  });

  test('an AlertTopic for a relay region, with its alarm, passes every guardrail', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    const topic = new AlertTopic(stack, 'alerts', { name: 'derp-alerts', accountId: '123456789012', region: 'eu-west-1', emails: ['oncall@example.com'] });
    new Ec2StatusCheckAlarm(stack, 'alarm', { instanceId: 'i-0123456789abcdef0', alarmName: 'relay', alarmActions: [topic.topicArn] });
    synthClean(app);
    expect(topic.hasSubscribers).toBe(true);
    expect(topic.publishPolicy).toBeUndefined();
  });
});

describe('boot: Alertmanager and derpprobe', () => {
  const scripts: Record<string, string> = {
    'install-derpprobe.sh': INSTALL_DERPPROBE_SCRIPT,
    'bootstrap.sh (with Alertmanager and derpprobe)': bootstrapScript({ alertmanager: true, derpprobe: true }),
  };
  for (const [name, script] of Object.entries(scripts)) {
    testWithTool('bash', `${name}: bash -n`, (bash) => {
      const r = run(bash, ['-n'], script);
      expect(r.output).toBe('');
      expect(r.status).toBe(0);
    });
    testWithTool('shellcheck', `${name}: shellcheck`, (shellcheck) => {
      const r = run(shellcheck, ['--shell=bash', '--severity=style', '-'], script);
      expect(r.output).toBe('');
      expect(r.status).toBe(0);
    });
  }

  test('derpprobe is built from the pinned toolchain and version, runs sandboxed, listens on 127.0.0.1 only', () => {
    expect(INSTALL_DERPPROBE_SCRIPT).toContain('sha256sum --check --strict -');
    expect(INSTALL_DERPPROBE_SCRIPT).toContain('GOTOOLCHAIN=local');
    expect(INSTALL_DERPPROBE_SCRIPT).toContain('GOSUMDB=sum.golang.org');
    expect(DERPPROBE_UNIT).toContain('--listen=127.0.0.1:8030');
    expect(DERPPROBE_UNIT).toContain('--derp-map=file:///etc/derp-monitoring/derpprobe-derpmap.json');
    expect(DERPPROBE_HARDENING).toMatchObject({ DynamicUser: 'yes', NoNewPrivileges: 'yes', CapabilityBoundingSet: '', ProtectSystem: 'strict' });
    expect(bootstrapScript({ alertmanager: true })).toContain('amtool check-config /etc/derp-monitoring/alertmanager.yml');
  });

  testWithTool('cloud-init', 'cloud-init schema accepts the full AWS user data (Alertmanager, derpprobe)', (cloudInit) => {
    const { app } = awsBuild();
    const tf = synthTf(app);
    const instance = Object.values(tf.resource.aws_instance)[0] as any;
    const file = path.join(tmpDir(), 'user-data.yaml');
    fs.writeFileSync(file, gunzipSync(Buffer.from(instance.user_data_base64, 'base64')));
    const r = run(cloudInit, ['schema', '--config-file', file]);
    expect(r.output).toMatch(/Valid cloud-config/);
    expect(r.status).toBe(0);
  });

  testWithTool('amtool', 'amtool check-config accepts the Alertmanager configuration in the user data', (amtool) => {
    const { app, monitoring } = awsBuild({
      alerting: {
        webhooks: ['https://alerts.example.com/x'],
        email: { to: ['oncall@example.com'], from: 'derp@example.com', smarthost: 'smtp.example.com:587' },
      },
    });
    synthTf(app);
    const file = path.join(tmpDir(), 'alertmanager.yml');
    fs.writeFileSync(file, monitoring.alertmanagerConfig);
    const r = run(amtool, ['check-config', file]);
    expect(r.output).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });
});
