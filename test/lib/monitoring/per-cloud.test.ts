/**
 * AwsMonitoring and DigitalOceanMonitoring over the shared model; the deprecated Monitoring builds exactly
 * what they build, at the same construct paths, so switching changes nothing in the plan.
 */
import { Testing } from 'cdktf';
import { AwsMonitoring, DigitalOceanMonitoring, Monitoring, MonitoringError } from '../../../lib/monitoring';
import { AwsDerpRelay, DerpRelayConfigError } from '../../../lib/relay';
import { testApp } from '../../helpers/app';
import { AWS_PROPS, DO_PROPS, monitoringStack, ALERTING } from './helpers';

function synthOf(build: (stack: any, fleet: any) => void): string {
  const app = testApp();
  const { stack, fleet } = monitoringStack(app);
  build(stack, fleet);
  return Testing.synth(stack);
}

describe('per-cloud monitoring constructs', () => {
  test('AwsMonitoring synthesizes exactly what Monitoring with cloud aws does', () => {
    const before = synthOf((stack, fleet) => new Monitoring(stack, 'monitoring', { cloud: 'aws', fleet, aws: AWS_PROPS }));
    const after = synthOf((stack, fleet) => new AwsMonitoring(stack, 'monitoring', { fleet, ...AWS_PROPS }));
    expect(after).toBe(before);
  });

  test('DigitalOceanMonitoring synthesizes exactly what Monitoring with cloud digitalocean does', () => {
    const before = synthOf((stack, fleet) => new Monitoring(stack, 'monitoring', { cloud: 'digitalocean', fleet, digitalocean: DO_PROPS, ...ALERTING }));
    const after = synthOf((stack, fleet) => new DigitalOceanMonitoring(stack, 'monitoring', { fleet, ...DO_PROPS }));
    expect(after.replace(/TOKEN\.\d+/g, 'TOKEN')).toBe(before.replace(/TOKEN\.\d+/g, 'TOKEN'));
  });

  test('outputs are not optional on the per-cloud classes', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const aws = new AwsMonitoring(stack, 'on-aws', { fleet, ...AWS_PROPS });
    const d = new DigitalOceanMonitoring(stack, 'on-do', { fleet, ...DO_PROPS, name: 'derp-monitoring-do' });
    // Compile-time: no `!` needed. Run-time: present.
    expect([aws.instance.id, aws.securityGroup.id, aws.role.name, aws.roleName, d.droplet.id, d.firewall.id, d.joinKey.key].every(Boolean)).toBe(true);
    expect(aws.cloudInit).toContain("AUTH_KEY_SECRET_ID='monitoring/join-key'");
    expect(d.cloudInit).toContain('content: "${TfToken[');
  });

  test('errors name the per-cloud construct and its own props', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    expect(() => new AwsMonitoring(stack, 'a', { fleet, ...AWS_PROPS, subnetId: 'sub-1' })).toThrow(
      /^AwsMonitoring 'monitoring\/a': props\.subnetId "sub-1" must be a subnet id/,
    );
    expect(() => new DigitalOceanMonitoring(stack, 'd', { fleet, ...DO_PROPS, region: 'Frankfurt' })).toThrow(MonitoringError);
    expect(() => new DigitalOceanMonitoring(stack, 'e', { fleet, ...DO_PROPS, region: 'Frankfurt' })).toThrow(
      /^DigitalOceanMonitoring 'monitoring\/e': props\.region "Frankfurt"/,
    );
  });

  test('a prop two constructs share is held to the same rule in both (lib/validate)', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    // An AMI is pinned (a literal of 8 or 17 hex digits) for the relays and for monitoring alike.
    expect(() => new AwsMonitoring(stack, 'm', { fleet, ...AWS_PROPS, amiId: 'ami-123' })).toThrow(/amiId "ami-123" must be a pinned AMI id/);
    expect(
      () =>
        new AwsDerpRelay(stack, 'r', {
          hostname: 'derp1.example.com',
          nodeName: '900a',
          regionId: 900,
          regionCode: 'aws-fra',
          regionName: 'AWS Frankfurt',
          vpcId: AWS_PROPS.vpcId,
          subnetId: AWS_PROPS.subnetId,
          amiId: 'ami-123',
          authKeySecret: AWS_PROPS.joinKeySecret,
          versions: {},
        }),
    ).toThrow(DerpRelayConfigError);
  });
});
