/**
 * Buckets encrypt new objects with KMS keys by default, so reading the data needs both S3 and KMS
 * permissions, and every decryption is logged in CloudTrail.
 */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, unknown, violation } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, NO } from '../../../engine/values';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { companionResult } from './companions';
import { bucketCompanions, bucketNamed, websiteEndpoint } from './s3-common';

export const KMS_SSE_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];
const CONFIG = 'aws_s3_bucket_server_side_encryption_configuration';

export const s3KmsEncryption = defineRule({
  id: 's3-kms-encryption',
  title: 'Every S3 bucket encrypts by default with KMS (aws:kms or aws:kms:dsse)',
  severity: 'error',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_s3_bucket', CONFIG],
  rationale:
    'S3 encrypts every new object with S3-managed keys (SSE-S3) anyway, but anyone allowed to read the ' +
    'object reads it decrypted. With a KMS key, reading also needs kms:Decrypt on that key, a second, ' +
    'separately granted permission, and every use of the key is in CloudTrail. A strict rule: SSE-S3 is not ' +
    'a leak, but KMS is the control that survives an over-broad S3 policy. A bucket served as an S3 website ' +
    'endpoint (an aws_s3_bucket_website_configuration points at it, or its legacy website block) is not ' +
    'covered, nor is its encryption configuration: a website endpoint serves anonymous requests, S3 refuses ' +
    'anonymous reads of SSE-KMS objects (they need SigV4-signed requests), so KMS default encryption breaks the ' +
    'site, and it protects nothing in content that is public by design. When a website configuration may ' +
    'point at the bucket (its bucket is an expression), a missing KMS configuration is unknown rather than a ' +
    'violation.',
  fix:
    `Add an ${CONFIG} for every bucket with \`rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", ` +
    'kms_master_key_id = <customer-managed key> } bucket_key_enabled = true }`.',
  references: {
    checkov: ['CKV_AWS_145'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_145',
        kind: 'looser',
        why:
          'a bucket served as an S3 website endpoint (and its encryption configuration) is not covered, because S3 refuses anonymous reads of SSE-KMS ' +
          'objects, so KMS would break the site; checkov fails it. aws:kms:dsse (dual-layer KMS) passes too, where checkov accepts only aws:kms.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
  },
  examples: {
    failing: {
      resourceType: CONFIG,
      body: { bucket: '${aws_s3_bucket.data.id}', rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } } },
    },
    passing: {
      resourceType: CONFIG,
      body: {
        bucket: '${aws_s3_bucket.data.id}',
        rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.data.arn}' } },
      },
    },
  },
  check(resource, context) {
    if (resource.type === CONFIG) {
      return unlessWebsite(bucketNamed(resource.body.bucket, context), context, () => defaultEncryption(resource.body, ''));
    }
    return unlessWebsite(resource, context, () => bucketEncryption(resource, context));
  },
});

/**
 * Not applicable to a bucket served as a website endpoint (anonymous reads of SSE-KMS objects are refused);
 * when it may be one, violations become unknown.
 */
function unlessWebsite(bucket: ResourceRecord | undefined, context: RuleContext, check: () => CheckResult | CheckResult[]): CheckResult | CheckResult[] {
  const website = bucket ? websiteEndpoint(bucket, context) : NO;
  if (website.state === 'known' && website.value) {
    return notApplicable(
      `${bucket!.address} is an S3 website endpoint (${website.why}): S3 refuses anonymous reads of SSE-KMS objects, so KMS default encryption would break the site`,
    );
  }
  const results = check();
  if (website.state !== 'unknown') return results;
  const soften = (r: CheckResult) => (r.status === 'violation' ? unknown(`${r.message}, and ${website.expression}`, r.attribute) : r);
  return Array.isArray(results) ? results.map(soften) : soften(results);
}

/** The bucket's own check: a configuration must point at it, or its deprecated inline block must use KMS. */
function bucketEncryption(resource: ResourceRecord, context: RuleContext): CheckResult | CheckResult[] {
  const companions = bucketCompanions(resource, context, CONFIG);
  // The deprecated inline block of aws_s3_bucket counts when there is no separate resource.
  const withoutInline = () => companionResult(companions, CONFIG, 'so new objects get SSE-S3 rather than KMS');
  if (companions.found.length === 0 && blocks(resource.body, 'server_side_encryption_configuration').occurrences.length > 0) {
    // A dynamic inline block may produce none: then the missing companion decides.
    return forEachBlock(resource.body, 'server_side_encryption_configuration', (sse) => defaultEncryption(sse.body, `${sse.path}.`), withoutInline);
  }
  return withoutInline();
}

/** Every `rule` must set a KMS algorithm in its apply_server_side_encryption_by_default. */
function defaultEncryption(body: JsonObject, prefix: string): CheckResult[] {
  return forEachBlock(
    body,
    'rule',
    (rule) =>
      forEachBlock(
        rule.body,
        'apply_server_side_encryption_by_default',
        (apply) =>
          requireOneOf(apply.body, 'sse_algorithm', 'KMS default encryption', KMS_SSE_ALGORITHMS, {
            path: `${prefix}${rule.path}.${apply.path}`,
          }),
        violation(`${prefix}${rule.path} has no apply_server_side_encryption_by_default, so objects get SSE-S3`, `${prefix}${rule.path}`),
      ),
    violation(`${prefix}no rule block: objects get SSE-S3`, `${prefix}rule`),
  );
}
