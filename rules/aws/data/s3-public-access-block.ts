/**
 * S3 Block Public Access is on, per bucket and (where declared) for the account: the one setting that
 * overrides any public ACL or bucket policy someone adds later.
 */
import { defineRule } from '../../../engine/rule';
import type { CheckResult } from '../../../engine/types';
import { requireBool } from '../../common/shapes';
import { requireBucketCompanion } from './s3-common';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export const s3PublicAccessBlock = defineRule({
  id: 's3-public-access-block',
  title: 'Every S3 bucket has a public access block with all four settings on',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
  rationale:
    'Public buckets are the most common cloud data leak. Block Public Access rejects public ACLs and ' +
    'policies (block_public_acls, block_public_policy), neutralises any that exist (ignore_public_acls, ' +
    'restrict_public_buckets), and holds even when a later change adds a public grant by mistake. Each ' +
    'setting closes a different path, so all four are needed. A bucket-level block travels with the ' +
    'bucket; an account-level block, when declared, must be complete too.',
  fix:
    'Add an aws_s3_bucket_public_access_block with `bucket = <bucket>.id` and block_public_acls, ' +
    'block_public_policy, ignore_public_acls and restrict_public_buckets all `true` for every bucket; set the ' +
    'same four on aws_s3_account_public_access_block.',
  references: {
    checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'CKV2_AWS_6'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_6',
        kind: 'stricter',
        why: "the bucket's public access block must set all four settings, not only block_public_acls and block_public_policy as CKV2_AWS_6 requires",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_53',
        kind: 'stricter',
        why: "also checks aws_s3_account_public_access_block, which checkov's per-flag checks do not cover",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_54',
        kind: 'stricter',
        why: "also checks aws_s3_account_public_access_block, which checkov's per-flag checks do not cover",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_55',
        kind: 'stricter',
        why: "also checks aws_s3_account_public_access_block, which checkov's per-flag checks do not cover",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_56',
        kind: 'stricter',
        why: "also checks aws_s3_account_public_access_block, which checkov's per-flag checks do not cover",
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  examples: {
    failing: { resourceType: 'aws_s3_bucket', body: { bucket: 'example-data' } },
    passing: {
      resourceType: 'aws_s3_bucket',
      body: { bucket: 'example-data' },
      others: {
        aws_s3_bucket_public_access_block: {
          example: {
            bucket: '${aws_s3_bucket.example.id}',
            block_public_acls: true,
            block_public_policy: true,
            ignore_public_acls: true,
            restrict_public_buckets: true,
          },
        },
      },
    },
  },
  check(resource, context) {
    if (resource.type === 'aws_s3_bucket') {
      // The block's own four settings are checked on the block itself.
      return requireBucketCompanion(resource, context, 'aws_s3_bucket_public_access_block', 'so nothing stops a public ACL or bucket policy');
    }
    // All four default to false in the provider: an unset flag leaves that path open.
    return FLAGS.map((flag): CheckResult => requireBool(resource.body, flag, flag, { defaultValue: false }));
  },
});
