/** Stacks for the Monitoring tests: a fleet of fake relays, a tailnet policy, and the monitoring server. */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { DerpFleet, type IDerpNodeSource } from '../../../lib/fleet';
import { Monitoring, type MonitoringProps } from '../../../lib/monitoring';
import { TailnetPolicy } from '../../../lib/tailnet';
import { TailscaleProvider } from '../../../lib/tailscale';
import { FakeRelay } from '../fleet/fake-relay';

export const TAGS = { owner: 'team-infra', environment: 'test' };
export const DO_TAGS = ['owner:team-infra', 'environment:test'];

export const JOIN_KEY_SECRET = {
  name: 'monitoring/join-key',
  arn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:monitoring/join-key-??????',
  region: 'eu-central-1',
  kmsKeyArn: 'arn:aws:kms:eu-central-1:123456789012:alias/secret-store/secrets/store',
};

export const AWS_PROPS = {
  vpcId: 'vpc-0123456789abcdef0',
  subnetId: 'subnet-0123456789abcdef0',
  amiId: 'ami-0123456789abcdef0',
  joinKeySecret: JOIN_KEY_SECRET,
  alertEmails: ['oncall@example.com'],
};

/** An Alertmanager webhook (DigitalOcean has no alert topic). */
export const ALERTING = { alerting: { webhooks: ['https://alerts.example.com/alertmanager'] } };

export const DO_PROPS = { region: 'fra1', sshKeys: ['12345'], tags: DO_TAGS, alertEmails: ['oncall@example.com'], ...ALERTING };

/** A stack with AWS + DigitalOcean + Tailscale providers, a fleet of three fake relays and a policy. */
export function monitoringStack(app: App, offline = false) {
  const stack = new TerraformStack(app, 'monitoring');
  new AwsProvider(stack, 'aws', {
    region: 'eu-central-1',
    defaultTags: [{ tags: TAGS }],
    ...(offline ? { skipCredentialsValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: 'true' } : {}),
  });
  if (!offline) {
    new DigitaloceanProvider(stack, 'do', {});
    new TailscaleProvider(stack, 'tailscale');
  }
  const policy = new TailnetPolicy(stack, 'policy', { tagOwners: { 'tag:derp': ['autogroup:admin'] } });
  const fleet = new DerpFleet(stack, 'fleet', {
    relays: [
      new FakeRelay(stack, 'derp-fra1', { ipv4: '203.0.113.1' }),
      new FakeRelay(stack, 'derp-fra2', { regionId: 901, regionCode: 'aws-fra2', regionName: 'AWS Frankfurt 2', ipv4: '203.0.113.2' }),
      new FakeRelay(stack, 'derp-ams1', { regionId: 910, regionCode: 'do-ams', regionName: 'DigitalOcean Amsterdam', ipv4: '203.0.113.3' }),
    ],
    tailnetPolicy: policy,
  });
  return { stack, policy, fleet };
}

export function awsMonitoring(stack: TerraformStack, fleet: IDerpNodeSource, extra: Partial<MonitoringProps> = {}): Monitoring {
  return new Monitoring(stack, 'monitoring', { cloud: 'aws', fleet, aws: AWS_PROPS, ...extra });
}
