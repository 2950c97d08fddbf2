import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Guardrails, defineRule, pass, violation } from '../../index';
import { evaluate } from '../../engine/evaluate';
import { resolveOptions } from '../../engine/options';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { builtInRules } from '../../rules';
import { awsStack, readReport, synthError, testApp } from '../helpers/app';

const volumeNames = defineRule({
  id: 'team-volume-size',
  title: 'Volumes are at most 100 GiB',
  severity: 'error',
  resourceTypes: ['aws_ebs_volume'],
  rationale: 'Large volumes need a capacity review.',
  fix: 'Ask the storage team, then raise the limit with a suppression.',
  check: (resource) => (Number(resource.body.size) > 100 ? violation(`size ${resource.body.size} GiB > 100`, 'size') : pass('small enough')),
});

describe('custom rules', () => {
  test('types of providers the catalog does not cover, prefixes that match, modules and provider-6-only types are accepted', () => {
    for (const resourceTypes of [['google_storage_bucket'], ['aws_s3_*'], ['module'], ['aws_bedrockagentcore_gateway'], ['tailscale_tailnet_settings']]) {
      expect(() => resolveOptions({ customRules: [{ ...volumeNames, resourceTypes }] }, builtInRules)).not.toThrow();
    }
  });

  test('run with the same metadata and reporting as built-in rules', () => {
    const app = testApp();
    Guardrails.enforce(app, { customRules: [volumeNames] });
    new EbsVolume(awsStack(app), 'big', { availabilityZone: 'a', size: 500, encrypted: true });
    const error = synthError(app);
    expect(error.violations).toEqual([
      expect.objectContaining({ ruleId: 'team-volume-size', address: 'aws_ebs_volume.big', attribute: 'size', fix: volumeNames.fix }),
    ]);
    expect(readReport(app).rulesEvaluated.map((r: any) => r.id)).toContain('team-volume-size');
  });

  test('a check that throws is reported as a rule error and does not hide other results', () => {
    const broken = defineRule({
      ...volumeNames,
      id: 'broken-rule',
      check: () => {
        throw new Error('boom');
      },
    });
    const options = resolveOptions({ customRules: [broken, volumeNames] }, builtInRules);
    const stack = stackFromTerraformJson({ resource: { aws_ebs_volume: { big: { size: 500 } } } }, { stack: 's' });
    const result = evaluate([stack], options);
    expect(result.violations.map((v) => [v.ruleId, v.kind])).toEqual(
      expect.arrayContaining([
        ['broken-rule', 'rule-error'],
        ['team-volume-size', 'violation'],
        ['volume-encryption-required', 'violation'],
      ]),
    );
    expect(result.violations.find((v) => v.kind === 'rule-error')?.message).toMatch(/rule 'broken-rule' failed on this resource: boom/);
  });

  test.each([
    [{ ...volumeNames, id: 'Bad_Id' }, /customRules\[0\] \(rule 'Bad_Id'\): id must be kebab-case/],
    [{ ...volumeNames, id: 'volume-encryption-required' }, /customRules\[0\]: rule id 'volume-encryption-required' is already taken/],
    [{ ...volumeNames, title: '' }, /customRules\[0\] \(rule 'team-volume-size'\): 'title' must be a non-empty string/],
    [{ ...volumeNames, severity: 'fatal' }, /'severity' must be 'error' or 'warning'/],
    [{ ...volumeNames, resourceTypes: [] }, /'resourceTypes' must be a non-empty array/],
    // A type that does not exist would make a rule that silently checks nothing.
    [
      { ...volumeNames, resourceTypes: ['aws_ebs_volume', 'aws_s3_buckets'] },
      /resourceTypes\[1\] 'aws_s3_buckets' is not a resource type of its provider \(did you mean 'aws_s3_bucket'\?\)/,
    ],
    [{ ...volumeNames, resourceTypes: ['digitalocean_dropplet'] }, /'digitalocean_dropplet' is not a resource type .*did you mean 'digitalocean_droplet'/],
    [{ ...volumeNames, resourceTypes: ['tailscale_tailnet_keys'] }, /did you mean 'tailscale_tailnet_key'/],
    [{ ...volumeNames, resourceTypes: ['aws_zzz_*'] }, /resourceTypes\[0\] 'aws_zzz_\*' matches no resource type of its provider/],
    [{ ...volumeNames, check: 'nope' }, /'check' must be a function/],
    [
      { ...volumeNames, references: { deviations: [{ peer: 'tfsec', check: 'x', kind: 'stricter', why: 'because it is so' }] } },
      /deviations\[0\]: 'peer' must be one of checkov, kics, cdk-nag, trivy/,
    ],
    [
      {
        ...volumeNames,
        references: { checkov: ['CKV_AWS_3'], deviations: [{ peer: 'checkov', check: 'CKV_AWS_9', kind: 'stricter', why: 'because it is so' }] },
      },
      /checkov check 'CKV_AWS_9' is not among references\.checkov \(CKV_AWS_3\)/,
    ],
    [
      { ...volumeNames, references: { deviations: [{ peer: 'kics', check: 'abc', kind: 'harsher', why: 'because it is so' }] } },
      /'kind' must be one of stricter, looser, different/,
    ],
    [{ ...volumeNames, references: { deviations: [{ peer: 'kics', check: 'abc', kind: 'looser', why: 'short' }] } }, /'why' must say what differs and why/],
    [{ ...volumeNames, references: { deviations: 'none' } }, /'references\.deviations' must be an array/],
  ])('malformed custom rule %#', (rule, message) => {
    expect(() => Guardrails.enforce(testApp(), { customRules: [rule as any] })).toThrow(message);
  });

  test('two custom rules with the same id', () => {
    expect(() => Guardrails.enforce(testApp(), { customRules: [volumeNames, volumeNames] })).toThrow(
      /customRules\[1\]: rule id 'team-volume-size' is already taken/,
    );
  });
});
