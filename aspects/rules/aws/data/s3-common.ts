/** What the S3 rules share: a bucket's companion configuration resources (the provider v4+ way of configuring buckets). */
import type { RuleContext } from '../../../engine/rule';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks } from '../../../engine/values';
import { companionResult, companionsOf, type Companions } from './companions';

/** Resources of `type` (aws_s3_bucket_versioning, …) whose `bucket` is this bucket, by reference or by name. */
export function bucketCompanions(bucket: ResourceRecord, context: RuleContext, type: string): Companions {
  return companionsOf(bucket, context, type, 'bucket', ['bucket']);
}

/** A bucket must have a companion of `type`: pass naming it, unknown, or a violation saying what its absence means. */
export function requireBucketCompanion(bucket: ResourceRecord, context: RuleContext, type: string, consequence: string): CheckResult {
  return companionResult(bucketCompanions(bucket, context, type), type, consequence);
}

/** True when every `name` block comes from a `dynamic` block: its for_each may be empty, leaving none. */
export function onlyDynamic(body: JsonObject, name: string): boolean {
  const found = blocks(body, name);
  return found.occurrences.length > 0 && found.occurrences.every((o) => o.dynamic);
}
