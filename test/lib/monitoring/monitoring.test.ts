import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Monitoring, MonitoringError } from '../../../lib/monitoring';
import { stackFile, testApp } from '../../helpers/app';
import { synthClean } from '../tailnet/clean-synth';
import { FakeRelay } from '../fleet/fake-relay';
import { AWS_PROPS, DO_PROPS, DO_TAGS, awsMonitoring, monitoringStack, ALERTING } from './helpers';
import { run, testWithTool, tmpDir } from './tools';

const only = (o: Record<string, any> | undefined) => {
  const values = Object.values(o ?? {});
  expect(values).toHaveLength(1);
  return values[0] as any;
};

function synthTf(app: App): any {
  synthClean(app);
  return JSON.parse(fs.readFileSync(stackFile(app, 'monitoring'), 'utf8'));
}

function policyFile(app: App): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'monitoring', 'tailnet-policy.json'), 'utf8'));
}

describe('Monitoring on AWS', () => {
  function build() {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    const monitoring = awsMonitoring(stack, fleet, {
      tailnetPolicy: policy,
      aws: { ...AWS_PROPS, statusCheckAlarms: [{ name: 'derp-fra1', instanceId: 'i-0123456789abcdef0' }] },
    });
    return { app, stack, monitoring, tf: synthTf(app) };
  }

  test('passes every guardrail with a clean report (strict, no suppression)', () => {
    build();
  });

  test('security group: no ingress at all; egress only 443/80 tcp and 41641/3478 udp, each described', () => {
    const { tf } = build();
    const sg = only(tf.resource.aws_security_group);
    expect(sg.ingress).toEqual([]);
    expect(sg.egress.map((e: any) => `${e.protocol}/${e.from_port}-${e.to_port}`).sort()).toEqual([
      'tcp/443-443',
      'tcp/80-80',
      'udp/3478-3478',
      'udp/41641-41641',
    ]);
    for (const e of sg.egress) expect(e.description).toMatch(/\w/);
    expect(tf.resource.aws_security_group_rule).toBeUndefined();
    expect(tf.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
  });

  test('instance: no public IP, IMDSv2 with hop limit 1, encrypted gp3 root, detailed monitoring, termination protection', () => {
    const { tf } = build();
    const instance = only(tf.resource.aws_instance);
    expect(instance).toMatchObject({
      associate_public_ip_address: false,
      monitoring: true,
      disable_api_termination: true,
      ebs_optimized: true,
      metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1, instance_metadata_tags: 'disabled' },
      root_block_device: { volume_type: 'gp3', encrypted: true, volume_size: 20 },
    });
    expect(instance.key_name).toBeUndefined();
    expect(tf.resource.aws_eip).toBeUndefined();
  });

  test('instance profile: the SSM core policy, and one inline policy: publish to its alert topic (the key only through SNS)', () => {
    const { tf } = build();
    const attachment = only(tf.resource.aws_iam_role_policy_attachment);
    expect(attachment.policy_arn).toBe('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
    const inline = only(tf.resource.aws_iam_role_policy);
    expect(inline.role).toBe('derp-monitoring-instance');
    const roleName = Object.keys(tf.resource.aws_iam_role)[0];
    expect(inline.depends_on).toEqual([`aws_iam_role.${roleName}`]);
    expect(JSON.parse(inline.policy).Statement).toEqual([
      { Sid: 'PublishAlerts', Effect: 'Allow', Action: ['sns:Publish'], Resource: ['arn:aws:sns:eu-central-1:123456789012:derp-monitoring-alerts'] },
      {
        Sid: 'AlertKeyThroughSns',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: 'arn:aws:kms:eu-central-1:123456789012:key/*',
        Condition: {
          StringEquals: { 'kms:ViaService': 'sns.eu-central-1.amazonaws.com' },
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/derp-monitoring-alerts' },
        },
      },
    ]);
    const role = only(tf.resource.aws_iam_role);
    expect(role.name).toBe('derp-monitoring-instance');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  });

  test('user data: gzipped cloud-config that names the join key secret and holds no key', () => {
    const { tf, monitoring } = build();
    const instance = only(tf.resource.aws_instance);
    expect(instance.user_data).toBeUndefined();
    const text = gunzipSync(Buffer.from(instance.user_data_base64, 'base64')).toString('utf8');
    expect(text).toBe(monitoring.cloudInit);
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(text).toContain("AUTH_KEY_SECRET_ID='monitoring/join-key'");
    expect(text).not.toMatch(/tskey-[a-z]+-[A-Za-z0-9]/);
    expect(text).not.toMatch(/[$%]\{/);
    // Every fleet node is scraped over the tailnet and probed.
    for (const node of ['derp-fra1', 'derp-fra2', 'derp-ams1']) {
      expect(text).toContain(`"${node}:9100"`);
      expect(text).toContain(`"https://${node}.derp.example.com/derp/probe"`);
    }
  });

  test('CloudWatch StatusCheckFailed alarms for the server and the listed instances', () => {
    const { tf } = build();
    const alarms = Object.values(tf.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual(['derp-fra1-status-check-failed', 'derp-monitoring-status-check-failed']);
    const instanceName = Object.keys(tf.resource.aws_instance)[0];
    const own = alarms.find((a) => a.alarm_name === 'derp-monitoring-status-check-failed');
    expect(own).toMatchObject({
      namespace: 'AWS/EC2',
      metric_name: 'StatusCheckFailed',
      dimensions: { InstanceId: `\${aws_instance.${instanceName}.id}` },
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      treat_missing_data: 'breaching',
    });
  });

  test('the access model makes the ACL entry and the tag owner (and the scrape targets above)', () => {
    const { app } = build();
    const doc = policyFile(app);
    // The node exporters, and derper's own metrics on its DERP port.
    expect(doc.acls).toEqual([
      { action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] },
      { action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:443'] },
    ]);
    expect(doc.tagOwners['tag:monitoring']).toEqual(['autogroup:admin']);
  });

  test('a different access model changes both halves together', () => {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    policy.addTagOwner('tag:relay', ['autogroup:admin']);
    const monitoring = awsMonitoring(stack, fleet, { tailnetPolicy: policy, access: { from: 'tag:prom', to: 'tag:relay', ports: [9100, 9256] } });
    synthClean(app);
    expect(policyFile(app).acls).toContainEqual({ action: 'accept', src: ['tag:prom'], dst: ['tag:relay:9100,9256'] });
    expect(monitoring.targets[0].exporters).toEqual(['derp-fra1:9100', 'derp-fra1:9256']);
    expect(monitoring.cloudInit).toContain("TAILSCALE_TAGS='tag:prom'");
  });
});

describe('Monitoring on DigitalOcean', () => {
  function build() {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    const monitoring = new Monitoring(stack, 'monitoring', { cloud: 'digitalocean', fleet, tailnetPolicy: policy, digitalocean: DO_PROPS, ...ALERTING });
    return { app, monitoring, tf: synthTf(app) };
  }

  test('passes every guardrail with a clean report (strict, no suppression)', () => {
    build();
  });

  test('droplet: SSH keys, monitoring agent, no console agent, approval and role tags, no IPv6', () => {
    const { tf } = build();
    const droplet = only(tf.resource.digitalocean_droplet);
    expect(droplet).toMatchObject({ ssh_keys: ['12345'], monitoring: true, droplet_agent: false, ipv6: false, region: 'fra1' });
    expect(droplet.tags).toEqual([...DO_TAGS, 'role:monitoring', 'exposure:public']);
  });

  test('cloud firewall: applied to the droplet, no inbound rule at all, outbound only what the server needs', () => {
    const { tf } = build();
    const firewall = only(tf.resource.digitalocean_firewall);
    const dropletName = Object.keys(tf.resource.digitalocean_droplet)[0];
    expect(firewall.droplet_ids).toEqual([`\${digitalocean_droplet.${dropletName}.id}`]);
    expect(firewall.inbound_rule).toBeUndefined();
    expect(firewall.outbound_rule.map((r: any) => `${r.protocol}/${r.port_range}`).sort()).toEqual([
      'tcp/443',
      'tcp/53',
      'tcp/80',
      'udp/123',
      'udp/3478',
      'udp/41641',
      'udp/53',
    ]);
  });

  test('join key: single use, preauthorized, tag:monitoring, one hour, never recreated; only a reference in user data, never in an output', () => {
    const { tf } = build();
    const keyName = Object.keys(tf.resource.tailscale_tailnet_key)[0];
    expect(tf.resource.tailscale_tailnet_key[keyName]).toMatchObject({
      reusable: false,
      ephemeral: false,
      preauthorized: true,
      tags: ['tag:monitoring'],
      expiry: 3600,
      recreate_if_invalid: 'never',
    });
    const droplet = only(tf.resource.digitalocean_droplet);
    expect(droplet.user_data).toContain(`content: "\${tailscale_tailnet_key.${keyName}.key}"`);
    expect(droplet.user_data.match(/\$\{/g)).toHaveLength(1);
    expect(JSON.stringify(tf.output ?? {})).not.toContain('tailscale_tailnet_key');
  });

  test('the join key is replaced together with the droplet when the configuration changes', () => {
    const describe = (extraRelay: boolean) => {
      const app = testApp();
      const { stack, fleet } = monitoringStack(app);
      if (extraRelay) fleet.addRelay(new FakeRelay(stack, 'derp-fra3', { regionId: 902, regionCode: 'aws-fra3', regionName: 'AWS Frankfurt 3' }));
      new Monitoring(stack, 'monitoring', { cloud: 'digitalocean', fleet, digitalocean: DO_PROPS, ...ALERTING });
      return only(synthTf(app).resource.tailscale_tailnet_key).description as string;
    };
    const before = describe(false);
    expect(before).toMatch(/^derp-monitoring [0-9a-f]{16}$/);
    expect(describe(false)).toBe(before);
    expect(describe(true)).not.toBe(before);
  });

  test('monitor alerts on CPU, memory and disk for the server and the role:derp droplets', () => {
    const { tf } = build();
    const alerts = Object.values(tf.resource.digitalocean_monitor_alert) as any[];
    expect(alerts.map((a) => a.type).sort()).toEqual([
      'v1/insights/droplet/cpu',
      'v1/insights/droplet/disk_utilization_percent',
      'v1/insights/droplet/memory_utilization_percent',
    ]);
    for (const a of alerts) {
      expect(a.tags).toEqual(['role:derp']);
      expect(a.entities).toHaveLength(1);
      expect(a.alerts.email).toEqual(['oncall@example.com']);
    }
  });

  testWithTool('cloud-init', 'cloud-init schema accepts the droplet user data', (cloudInit) => {
    const { tf } = build();
    const file = path.join(tmpDir(), 'user-data.yaml');
    fs.writeFileSync(file, only(tf.resource.digitalocean_droplet).user_data);
    expect(run(cloudInit, ['schema', '--config-file', file]).status).toBe(0);
  });
});

describe('Monitoring: bad props are construction errors naming the prop', () => {
  function attempt(props: (fleet: any) => any, setup?: (stack: TerraformStack) => void): Error {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    setup?.(stack);
    try {
      new Monitoring(stack, 'monitoring', props(fleet));
    } catch (e) {
      return e as Error;
    }
    throw new Error('no error');
  }

  test.each([
    ['an unknown cloud', (fleet: any) => ({ cloud: 'gcp', fleet }), /props\.cloud "gcp"/],
    ['aws without its sub-props', (fleet: any) => ({ cloud: 'aws', fleet }), /props\.aws null is required when cloud is 'aws'/],
    [
      'both sub-props',
      (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, digitalocean: DO_PROPS, ...ALERTING }),
      /props\.digitalocean .* must not be set/,
    ],
    ['a bad subnet id', (fleet: any) => ({ cloud: 'aws', fleet, aws: { ...AWS_PROPS, subnetId: 'sub-1' } }), /props\.aws\.subnetId "sub-1"/],
    ['a bad AMI id', (fleet: any) => ({ cloud: 'aws', fleet, aws: { ...AWS_PROPS, amiId: 'ubuntu' } }), /props\.aws\.amiId "ubuntu"/],
    ['a tiny root volume', (fleet: any) => ({ cloud: 'aws', fleet, aws: { ...AWS_PROPS, rootVolumeSizeGiB: 2 } }), /props\.aws\.rootVolumeSizeGiB 2/],
    [
      'an access model from and to the same tag',
      (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, access: { from: 'tag:derp', to: 'tag:derp', ports: [9100] } }),
      /props\.access\.to "tag:derp" must differ/,
    ],
    [
      'an access model without ports',
      (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, access: { from: 'tag:m', to: 'tag:derp', ports: [] } }),
      /props\.access\.ports \[\]/,
    ],
    ['a port out of range', (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, access: { from: 'tag:m', to: 'tag:derp', ports: [70000] } }), /has 70000/],
    [
      'an untagged access source',
      (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, access: { from: 'monitoring', to: 'tag:derp', ports: [9100] } }),
      /props\.access\.from "monitoring"/,
    ],
    [
      'a bad tag owner',
      (fleet: any) => ({ cloud: 'aws', fleet, aws: AWS_PROPS, monitoringTagOwners: ['everyone'] }),
      /props\.monitoringTagOwners\[0\] "everyone"/,
    ],
    [
      'DigitalOcean without SSH keys',
      (fleet: any) => ({ cloud: 'digitalocean', fleet, digitalocean: { ...DO_PROPS, sshKeys: [] }, ...ALERTING }),
      /props\.digitalocean\.sshKeys \[\] must list at least one SSH key/,
    ],
    [
      'a join key living longer than a day',
      (fleet: any) => ({ cloud: 'digitalocean', fleet, digitalocean: { ...DO_PROPS, joinKeyExpirySeconds: 90 * 86400 } }),
      /joinKeyExpirySeconds 7776000/,
    ],
    [
      'a bad DigitalOcean region',
      (fleet: any) => ({ cloud: 'digitalocean', fleet, digitalocean: { ...DO_PROPS, region: 'Frankfurt' } }),
      /props\.digitalocean\.region "Frankfurt"/,
    ],
  ])('%s', (_name, props, message) => {
    const error = attempt(props);
    expect(error).toBeInstanceOf(MonitoringError);
    expect(error.message).toMatch(/^Monitoring 'monitoring\/monitoring': /);
    expect(error.message).toMatch(message);
  });

  test('DigitalOcean without a TailscaleProvider (the join key needs one)', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app, true);
    expect(() => new Monitoring(stack, 'monitoring', { cloud: 'digitalocean', fleet, digitalocean: DO_PROPS, ...ALERTING })).toThrow(
      /props\.digitalocean\.tailscaleProvider null is needed/,
    );
  });

  test('a fleet whose nodes do not fit in AWS user data fails at synth', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    awsMonitoring(stack, {
      nodes: Array.from({ length: 400 }, (_, i) => ({
        ...fleet.nodes[0],
        name: `n${i}-${'x'.repeat(40)}`,
        hostName: `n${i}-${Math.random().toString(36).slice(2)}.derp.example.com`,
      })),
    });
    expect(() => app.synth()).toThrow(/props\.fleet "<400 nodes>" makes user data of \d+ bytes, over the cloud's limit of 16384/);
  });

  test('the join key never reaches an output even when someone adds one for the droplet', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const m = new Monitoring(stack, 'monitoring', { cloud: 'digitalocean', fleet, digitalocean: DO_PROPS, ...ALERTING });
    new TerraformOutput(stack, 'ip', { value: m.droplet!.ipv4Address });
    const tf = synthTf(app);
    expect(JSON.stringify(tf.output)).not.toMatch(/tailnet_key/);
  });
});
