/**
 * Buckets encrypt new objects with KMS keys by default, so reading the data needs both S3 and KMS
 * permissions, and every decryption is logged in CloudTrail.
 */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { blocks } from '../../../engine/values';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { companionResult } from './companions';
import { bucketCompanions } from './s3-common';

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
    'a leak, but KMS is the control that survives an over-broad S3 policy.',
  fix:
    `Add an ${CONFIG} for every bucket with \`rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", ` +
    'kms_master_key_id = <customer-managed key> } bucket_key_enabled = true }`.',
  references: {
    checkov: ['CKV_AWS_145'],
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
      return defaultEncryption(resource.body, '');
    }
    const companions = bucketCompanions(resource, context, CONFIG);
    // The deprecated inline block of aws_s3_bucket counts when there is no separate resource.
    const withoutInline = () => companionResult(companions, CONFIG, 'so new objects get SSE-S3 rather than KMS');
    if (companions.found.length === 0 && blocks(resource.body, 'server_side_encryption_configuration').occurrences.length > 0) {
      // A dynamic inline block may produce none: then the missing companion decides.
      return forEachBlock(resource.body, 'server_side_encryption_configuration', (sse) => defaultEncryption(sse.body, `${sse.path}.`), withoutInline);
    }
    return withoutInline();
  },
});

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
