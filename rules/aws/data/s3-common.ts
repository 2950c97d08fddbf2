/** What the S3 rules share: a bucket's companion configuration resources (the provider v4+ way of configuring buckets). */
import type { RuleContext } from '../../../engine/rule';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blockPresence, blocks, describeExpression, isExpression, known, maybe, NO, referencedAddress, type Answer } from '../../../engine/values';
import { companionResult, companionsOf, type Companions } from './companions';

/** Resources of `type` (aws_s3_bucket_versioning, …) whose `bucket` is this bucket, by reference or by name. */
export function bucketCompanions(bucket: ResourceRecord, context: RuleContext, type: string): Companions {
  return companionsOf(bucket, context, type, 'bucket', ['bucket']);
}

/** A bucket must have a companion of `type`: pass naming it, unknown, or a violation saying what its absence means. */
export function requireBucketCompanion(bucket: ResourceRecord, context: RuleContext, type: string, consequence: string): CheckResult {
  return companionResult(bucketCompanions(bucket, context, type), type, consequence);
}

export const WEBSITE_CONFIGURATION = 'aws_s3_bucket_website_configuration';

/**
 * Whether a bucket is served as an S3 website endpoint (`<bucket>.s3-website-<region>.amazonaws.com`): an
 * aws_s3_bucket_website_configuration points at it, or it has the deprecated inline `website` block. Known
 * yes with why; unknown when a website configuration may point at it (its `bucket` is an expression) or the
 * inline block comes from a dynamic block that may produce none.
 *
 * A website endpoint speaks HTTP only and serves anonymous requests only, which two rules must respect: a
 * Deny on aws:SecureTransport = false refuses every website request, and S3 refuses anonymous reads of
 * SSE-KMS objects.
 */
export function websiteEndpoint(bucket: ResourceRecord, context: RuleContext): Answer {
  const configurations = bucketCompanions(bucket, context, WEBSITE_CONFIGURATION);
  const [config] = configurations.found;
  if (config) return known(true, `${config.address} serves it as a website endpoint`);
  const inline = blockPresence(blocks(bucket.body, 'website'));
  if (inline.state === 'known' && inline.value) return known(true, 'its website block serves it as a website endpoint');
  const [doubt] = configurations.uncertain;
  if (doubt) return maybe(`whether it is a website endpoint: ${doubt.resource.address} ${doubt.why}`);
  if (inline.state === 'unknown') return maybe(`whether it is a website endpoint: its website block comes from ${describeExpression(inline.expression)}`);
  return NO;
}

/** The aws_s3_bucket in this stack that a `bucket` argument names, by reference or by its literal name. */
export function bucketNamed(value: unknown, context: RuleContext): ResourceRecord | undefined {
  if (typeof value !== 'string') return undefined;
  if (isExpression(value)) {
    const address = referencedAddress(value);
    const bucket = address ? context.resourceAt(address) : undefined;
    return bucket?.type === 'aws_s3_bucket' ? bucket : undefined;
  }
  return context.resourcesOfType('aws_s3_bucket').find((b) => b.mode === 'managed' && b.body.bucket === value);
}
