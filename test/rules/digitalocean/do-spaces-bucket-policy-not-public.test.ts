import { doSpacesBucketPolicyNotPublic as rule } from '../../../rules/digitalocean/do-spaces-bucket-policy-not-public';
import { policyText } from '../aws/policy/helpers';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: ['s3:GetObject'],
  Resource: ['arn:aws:s3:::assets/*'],
  ...extra,
});
const check = (policy: unknown) =>
  findingsFor(rule, 'digitalocean_spaces_bucket_policy', {
    region: 'ams3',
    bucket: 'assets',
    policy: typeof policy === 'string' ? policy : JSON.stringify(policy),
  });
const doc = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

describe('do-spaces-bucket-policy-not-public', () => {
  itHonoursItsExamples(rule);

  test('fires on an Allow for "*" or {"AWS": "*"} with no network condition', () => {
    const found = check(doc(statement()));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'policy' });
    expect(kinds(check(doc(statement({ Principal: { AWS: '*' }, Action: 's3:*' }))))).toEqual(['violation']);
    expect(kinds(check(doc(statement({ Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } } }))))).toEqual(['violation']);
    expect(kinds(check(doc(statement({ Condition: { StringLike: { 'aws:Referer': ['https://example.com/*'] } } }))))).toEqual(['violation']);
  });

  test('quiet on Deny statements, named principals and statements limited to networks', () => {
    expect(check(doc(statement({ Effect: 'Deny' })))).toEqual([]);
    expect(check(doc(statement({ Principal: { AWS: ['arn:aws:iam::123456789012:user/ci'] } })))).toEqual([]);
    expect(check(doc(statement({ Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.7/32' } } })))).toEqual([]);
  });

  test('unknown when the policy or its conditions are expressions', () => {
    expect(kinds(check('${jsonencode(local.policy)}'))).toEqual(['unknown']);
    expect(kinds(check(doc(statement({ Condition: { IpAddress: { 'aws:SourceIp': ['${var.office}'] } } }))))).toEqual(['unknown']);
    expect(kinds(check(doc(statement({ Effect: '${var.effect}' }))))).toEqual(['unknown']);
  });

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  test('counts only IpAddress on aws:SourceIp with private networks as a limit; expressions are unknown', () => {
    const limited = (Condition: unknown) => kinds(check(doc(statement({ Condition }))));
    expect(limited({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } })).toEqual([]);
    expect(limited({ ipaddress: { 'AWS:SOURCEIP': '10.0.0.0/8' } })).toEqual([]);
    expect(limited({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } })).toEqual(['violation']);
    expect(limited({ IpAddress: { 'aws:VpcSourceIp': ['10.0.0.0/8'] } })).toEqual(['violation']);
    expect(limited({ IpAddress: { 'aws:SourceIp': [] } })).toEqual(['violation']);
    expect(limited({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '0.0.0.0/0'] } })).toEqual(['violation']);
    expect(limited({ '${var.op}': { 'aws:SourceIp': '10.0.0.0/8' } })).toEqual(['unknown']);
    expect(limited({ IpAddress: { '${var.key}': '10.0.0.0/8' } })).toEqual(['unknown']);
    expect(limited({ IpAddress: { 'aws:SourceIp': '${var.cidr}' } })).toEqual(['unknown']);
    const raw = (condition: string) => kinds(check(policyText(`{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": ${condition}}`)));
    expect(raw('${var.condition}')).toEqual(['unknown']);
    expect(raw('{"IpAddress": {"aws:SourceIp": ${var.cidrs}}}')).toEqual(['unknown']);
    // A limit from a dynamic condition block may not be there.
    const sourceIp = { test: 'IpAddress', variable: 'aws:SourceIp', values: ['10.0.0.0/8'] };
    const fromDoc = (statement: Record<string, unknown>) =>
      kinds(
        findingsFor(
          rule,
          'digitalocean_spaces_bucket_policy',
          { region: 'ams3', bucket: 'assets', policy: '${data.aws_iam_policy_document.d.json}' },
          {
            data: {
              aws_iam_policy_document: { d: { statement: [{ principals: [{ type: '*', identifiers: ['*'] }], actions: ['s3:GetObject'], ...statement }] } },
            },
          },
        ),
      );
    expect(fromDoc({ dynamic: { condition: { for_each: '${var.nets}', content: sourceIp } } })).toEqual(['unknown']);
    expect(fromDoc({ condition: [sourceIp] })).toEqual([]);
    expect(fromDoc({ condition: [{ test: 'IpAddress', variable: 'aws:SourceIp' }] })).toEqual(['violation']);
  });
});
