import { s3PolicyNoPublicPrincipal as rule } from '../../../../rules/aws/edge/s3-policy-no-public-principal';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const P = 'aws_s3_bucket_policy';
const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: 'arn:aws:s3:::site/*', ...statement }] });
const bucket = (tags?: Record<string, string>) => ({ resource: { aws_s3_bucket: { site: { bucket: 'site', ...(tags ? { tags } : {}) } } } });
const run = (statement: Record<string, unknown>, extra = bucket()) =>
  kinds(findingsFor(rule, P, { bucket: '${aws_s3_bucket.site.id}', policy: policy(statement) }, extra));

describe('s3-policy-no-public-principal', () => {
  itHonoursItsExamples(rule);

  describe(P, () => {
    it('fires for Allow to "*" without a bounding condition', () => {
      expect(run({ Principal: '*', Action: 's3:GetObject' })).toEqual(['violation']);
      expect(run({ Principal: { AWS: '*' }, Action: 's3:PutObject', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })).toEqual(['violation']);
      // The approval tag accepts reads only.
      expect(run({ Principal: '*', Action: ['s3:GetObject', 's3:PutObject'] }, bucket({ exposure: 'public' }))).toEqual(['violation']);
    });

    it('is quiet for named principals, bounding conditions, and approved public reads', () => {
      expect(run({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*' })).toEqual([]);
      expect(run({ Principal: '*', Action: 's3:GetObject', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } })).toEqual([]);
      expect(run({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })).toEqual([]);
      expect(run({ Principal: '*', Action: 's3:GetObject' }, bucket({ exposure: 'public' }))).toEqual([]);
    });

    it('is unknown for expressions that decide it', () => {
      expect(run({ Principal: '${var.principal}', Action: 's3:GetObject' })).toEqual(['unknown']);
      expect(
        run({ Principal: '*', Action: 's3:GetObject' }, { resource: { aws_s3_bucket: { site: { bucket: 'site', tags: { exposure: '${var.exposure}' } } } } }),
      ).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, P, { bucket: 'site', policy: '${var.policy}' }))).toEqual(['unknown']);
    });
  });

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  describe('edges', () => {
    it('accepts only reads of objects as an approved public read: not NotAction, not an unknown bucket', () => {
      const approved = bucket({ exposure: 'public' });
      expect(run({ Principal: '*', NotAction: 's3:DeleteObject' }, approved)).toEqual(['violation']);
      expect(run({ Principal: '*', Action: ' s3:GetObject ' }, approved)).toEqual([]);
      expect(run({ Principal: '*', Action: 's3:GetObject' }, bucket({ team: 'web' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, P, { bucket: 'elsewhere', policy: policy({ Principal: '*', Action: 's3:GetObject' }) }, approved))).toEqual(['violation']);
    });

    it("reads an inline policy's approval on the bucket itself, named or not", () => {
      const read = policy({ Principal: '*', Action: 's3:GetObject' });
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket_prefix: 'site-', tags: { exposure: 'public' }, policy: read })).toEqual([]);
    });
  });

  describe('aws_s3_bucket (inline policy)', () => {
    it('fires, stays quiet, and is unknown like the policy resource', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: policy({ Principal: '*', Action: 's3:*' }) }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' })).toEqual([]);
      expect(
        findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', tags: { exposure: 'public' }, policy: policy({ Principal: '*', Action: 's3:GetObject' }) }),
      ).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: '${var.policy}' }))).toEqual(['unknown']);
    });
  });
});
