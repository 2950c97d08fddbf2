/**
 * What monitoring takes from the fleet and gives its tailnet policy: the fleet's one Tailscale version (installed,
 * derpprobe built at it, the relays' expected release), the policy test that proves its access, and the AMI's
 * architecture checked against the instance type (the same check as AwsDerpRelay's, lib/validate).
 */
import { AwsMonitoring, DigitalOceanMonitoring, Monitoring, MonitoringError, renderDerpprobeEnv } from '../../../lib/monitoring';
import type { IDerpNodeSource } from '../../../lib/contracts/derp-node';
import { TAILSCALE_VERSION } from '../../../lib/boot/versions';
import { evaluatePolicyTests } from '../../../lib/tailnet/evaluate';
import { testApp } from '../../helpers/app';
import { synthClean } from '../tailnet/clean-synth';
import { AWS_PROPS, DO_PROPS, monitoringStack } from './helpers';

/** The test fleet's nodes, on another (newer) Tailscale version than lib/boot's default. */
function onVersion(fleet: IDerpNodeSource, tailscaleVersion: string | undefined): IDerpNodeSource {
  return {
    get nodes() {
      return fleet.nodes;
    },
    ...(tailscaleVersion !== undefined ? { tailscaleVersion } : {}),
  };
}

describe("monitoring runs the fleet's Tailscale version", () => {
  const OTHER = '1.104.0';

  test('AWS: installs it, builds derpprobe at it, and expects the relays on it', () => {
    expect(OTHER).not.toBe(TAILSCALE_VERSION);
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const m = new AwsMonitoring(stack, 'monitoring', { fleet: onVersion(fleet, OTHER), ...AWS_PROPS });
    const text = m.cloudInit;
    // boot.env (install-tailscale.sh reads it) and derpprobe.env (install-derpprobe.sh) both say the fleet's version.
    expect(text.match(/TAILSCALE_VERSION='([0-9.]+)'/g)).toEqual([`TAILSCALE_VERSION='${OTHER}'`, `TAILSCALE_VERSION='${OTHER}'`]);
    expect(text).not.toContain(`'${TAILSCALE_VERSION}'`);
    expect(m.alertRules).toContain(`runs derper {{ $labels.version }}, not ${OTHER}`);
    expect(m.alertRules).toMatch(/version!~[^}]*1[\\]+\.104[\\]+\.0\(-\.\*\)\?/);
  });

  test('DigitalOcean and the deprecated Monitoring do the same (one model)', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const d = new DigitalOceanMonitoring(stack, 'on-do', { fleet: onVersion(fleet, OTHER), ...DO_PROPS });
    const legacy = new Monitoring(stack, 'legacy', { cloud: 'aws', fleet: onVersion(fleet, OTHER), aws: AWS_PROPS, name: 'derp-monitoring-legacy' });
    for (const text of [d.cloudInit, legacy.cloudInit!]) expect(text).toContain(`TAILSCALE_VERSION='${OTHER}'`);
  });

  test("a real DerpFleet hands over its version; a source without one means lib/boot's default", () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    const a = new AwsMonitoring(stack, 'a', { fleet, ...AWS_PROPS, name: 'mon-a' });
    expect(a.cloudInit).toContain(`TAILSCALE_VERSION='${fleet.tailscaleVersion}'`);
    const b = new AwsMonitoring(stack, 'b', { fleet: onVersion(fleet, undefined), ...AWS_PROPS, name: 'mon-b' });
    expect(b.cloudInit).toContain(`TAILSCALE_VERSION='${TAILSCALE_VERSION}'`);
  });

  test('refuses a fleet version that is not a release version, naming the prop', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    expect(() => new AwsMonitoring(stack, 'm', { fleet: onVersion(fleet, "1.2.3'; rm -rf /"), ...AWS_PROPS })).toThrow(
      /^AwsMonitoring 'monitoring\/m': props\.fleet\.tailscaleVersion .* must be a release version such as '1\.102\.3'/,
    );
    expect(() => renderDerpprobeEnv(undefined, 'latest')).toThrow(/must be a release version/);
    expect(renderDerpprobeEnv(undefined, OTHER)).toContain(`TAILSCALE_VERSION='${OTHER}'\n`);
  });
});

describe('monitoring proves its access with a policy test', () => {
  test('the model adds the test with its ACL, and the policy passes it offline', () => {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    new AwsMonitoring(stack, 'monitoring', { fleet, tailnetPolicy: policy, ...AWS_PROPS });
    synthClean(app);
    const doc = policy.document;
    expect(doc.tests).toContainEqual({ src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] });
    const results = evaluatePolicyTests(doc as never);
    expect(results.find((r) => r.src === 'tag:monitoring')?.outcome).toBe('pass');
  });

  test('a custom access model is tested as it is: every exporter port', () => {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    new AwsMonitoring(stack, 'monitoring', {
      fleet,
      tailnetPolicy: policy,
      ...AWS_PROPS,
      access: { from: 'tag:prometheus', to: 'tag:derp', ports: [9100, 9101] },
    });
    expect(policy.document.tests).toContainEqual({ src: 'tag:prometheus', proto: 'tcp', accept: ['tag:derp:9100', 'tag:derp:9101'] });
  });

  test('without a tailnet policy nothing is added anywhere', () => {
    const app = testApp();
    const { stack, fleet, policy } = monitoringStack(app);
    const before = policy.document.tests ?? [];
    new AwsMonitoring(stack, 'monitoring', { fleet, ...AWS_PROPS });
    expect(policy.document.tests ?? []).toEqual(before);
  });
});

describe("AwsMonitoring: the AMI's architecture and the instance type agree", () => {
  test.each([
    ['the defaults (x86_64, t3.small)', {}],
    ['arm64 with a Graviton type', { amiArchitecture: 'arm64', instanceType: 't4g.small' }],
    ['x86_64 with an x86 type', { amiArchitecture: 'x86_64', instanceType: 'm7i.large' }],
  ])('accepts %s', (_name, extra) => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    expect(() => new AwsMonitoring(stack, 'monitoring', { fleet, ...AWS_PROPS, ...(extra as object) })).not.toThrow();
  });

  test.each([
    [
      'a Graviton type with the default (x86_64) AMI',
      { instanceType: 't4g.small' },
      /props\.instanceType "t4g\.small" is an arm64 instance type, but the AMI is x86_64 \(props\.amiArchitecture, default\)/,
    ],
    [
      'an x86 type with an arm64 AMI',
      { amiArchitecture: 'arm64', instanceType: 't3.small' },
      /props\.instanceType "t3\.small" is an x86_64 instance type, but the AMI is arm64 \(props\.amiArchitecture\); use an arm64 type/,
    ],
    ['an x86 default type with an arm64 AMI', { amiArchitecture: 'arm64' }, /props\.instanceType "t3\.small" is an x86_64 instance type, but the AMI is arm64/],
    ['an architecture EC2 does not spell so', { amiArchitecture: 'amd64' }, /props\.amiArchitecture "amd64" must be one of 'arm64', 'x86_64'/],
  ])('refuses %s, naming the construct and the prop', (_name, extra, message) => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    let error: unknown;
    try {
      new AwsMonitoring(stack, 'monitoring', { fleet, ...AWS_PROPS, ...(extra as object) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonitoringError);
    expect((error as Error).message).toMatch(/^AwsMonitoring 'monitoring\/monitoring': /);
    expect((error as Error).message).toMatch(message);
  });

  test('the deprecated Monitoring checks its aws props the same way', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app);
    expect(() => new Monitoring(stack, 'monitoring', { cloud: 'aws', fleet, aws: { ...AWS_PROPS, instanceType: 'c7g.large' } })).toThrow(
      /props\.aws\.instanceType "c7g\.large" is an arm64 instance type, but the AMI is x86_64 \(props\.aws\.amiArchitecture, default\)/,
    );
  });
});
