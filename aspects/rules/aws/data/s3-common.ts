/** What the S3 rules share: a bucket's companion configuration resources (the provider v4+ way of configuring buckets). */
import type { RuleContext } from '../../../engine/rule';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { companionResult, companionsOf, type Companions } from './companions';

/** Resources of `type` (aws_s3_bucket_versioning, …) whose `bucket` is this bucket, by reference or by name. */
export function bucketCompanions(bucket: ResourceRecord, context: RuleContext, type: string): Companions {
  return companionsOf(bucket, context, type, 'bucket', ['bucket']);
}

/** A bucket must have a companion of `type`: pass naming it, unknown, or a violation saying what its absence means. */
export function requireBucketCompanion(bucket: ResourceRecord, context: RuleContext, type: string, consequence: string): CheckResult {
  return companionResult(bucketCompanions(bucket, context, type), type, consequence);
}
