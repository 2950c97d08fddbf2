// Runs under vitest (not jest): cdktf's testing idiom with the guardrail matchers, no globals.
import { describe, expect, test } from 'vitest';
import { Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import '../../../dist/testing/vitest.mjs';

const synth = (encrypted: boolean) =>
  Testing.synthScope((scope) => {
    new AwsProvider(scope, 'aws', { region: 'eu-west-1' });
    new EbsVolume(scope, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted });
  });

describe('guardrail matchers under vitest', () => {
  test('pass and violate', () => {
    expect(synth(true)).toPassGuardrails();
    expect(synth(false)).not.toPassGuardrails();
    expect(synth(false)).toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.data' });
  });
});
