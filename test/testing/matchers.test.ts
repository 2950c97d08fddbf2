import { Testing } from 'cdktf';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Guardrails } from '../../index';
import '../../testing';
import { awsStack, testApp } from '../helpers/app';

describe('jest matchers', () => {
  test('toPassGuardrails passes on a compliant stack and fails listing the violations otherwise', () => {
    const good = awsStack(testApp());
    new EbsVolume(good, 'data', { availabilityZone: 'a', encrypted: true });
    expect(good).toPassGuardrails();

    const bad = awsStack(testApp());
    new EbsVolume(bad, 'data', { availabilityZone: 'a' });
    expect(bad).not.toPassGuardrails();
    expect(() => expect(bad).toPassGuardrails()).toThrow(
      /1 error\(s\):\n {2}\[volume-encryption-required\] error aws_ebs_volume\.data \(main\/data\): the volume is not encrypted/,
    );
  });

  test('toViolateGuardrail matches rule, address and kind', () => {
    const stack = awsStack(testApp());
    new EbsVolume(stack, 'data', { availabilityZone: 'a' });
    expect(stack).toViolateGuardrail('volume-encryption-required');
    expect(stack).toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.data', kind: 'violation' });
    expect(stack).not.toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.other' });
    expect(() => expect(stack).toViolateGuardrail('public-ip-requires-approval')).toThrow(/its findings are:\n {2}\[volume-encryption-required\]/);
  });

  test('suppressions and enforce options registered on the app are honoured', () => {
    const app = testApp();
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', { availabilityZone: 'a' });
    Guardrails.suppress(stack, 'volume-encryption-required', { reason: 'scratch volume, holds no data' });
    expect(stack).toPassGuardrails();
    const app2 = testApp();
    const stack2 = awsStack(app2);
    new EbsVolume(stack2, 'data', { availabilityZone: 'a' });
    Guardrails.enforce(app2, { rules: { 'volume-encryption-required': 'warning' } });
    expect(stack2).toPassGuardrails();
    expect(stack2).not.toPassGuardrails({ profile: 'baseline' });
  });

  test("cdktf's testing idiom: Testing.synth, synthScope and fullSynth results, and parsed JSON", () => {
    const bad = awsStack(Testing.app());
    new EbsVolume(bad, 'data', { availabilityZone: 'a' });
    expect(Testing.synth(bad)).toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.data' });
    expect(Testing.synth(bad)).not.toPassGuardrails();
    expect(JSON.parse(Testing.synth(bad))).not.toPassGuardrails();
    expect(Testing.fullSynth(bad)).toViolateGuardrail('volume-encryption-required');
    const scoped = Testing.synthScope((scope) => {
      new AwsProvider(scope, 'aws', { region: 'eu-west-1' });
      new EbsVolume(scope, 'data', { availabilityZone: 'a', encrypted: true });
    });
    expect(scoped).toPassGuardrails();
  });

  test('called on something it cannot check: a clear error saying what it accepts', () => {
    expect(() => expect(testApp()).toPassGuardrails()).toThrow(
      /toPassGuardrails: expected a cdktf TerraformStack, the JSON string Testing\.synth .*; got an object that is not Terraform JSON/,
    );
    expect(() => expect('stack').toViolateGuardrail('x')).toThrow(
      /toViolateGuardrail: expected a cdktf TerraformStack.*; got a string that is neither a directory nor Terraform JSON/,
    );
    expect(() => expect(42).toPassGuardrails()).toThrow(/; got number$/);
  });
});
