/** Buckets record every request made to them (server access logs), except the buckets that hold logs. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { blocks } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { companionResult } from '../data/companions';
import { bucketCompanions } from '../data/s3-common';
import { receivesLogs } from './log-buckets';
import { requireSet } from './shared';

const LOGGING = 'aws_s3_bucket_logging';

export const s3AccessLogging = defineRule({
  id: 's3-access-logging',
  title: 'S3 buckets have server access logging',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_s3_bucket'],
  rationale:
    'CloudTrail records object-level reads and writes only when data events are bought; server access logs ' +
    'record every request (requester, source address, key, status) at no charge but storage, so a leak through ' +
    'a presigned URL or an over-broad policy can be scoped afterwards. A bucket that receives logs is left out: ' +
    'logging into itself never ends, and its own access is better covered by CloudTrail. Strict: buckets of ' +
    'public, static content may not be worth it.',
  fix: `Add an \`${LOGGING}\` with \`bucket = <bucket>.id\`, \`target_bucket = <log bucket>.id\` and a \`target_prefix\`.`,
  references: {
    checkov: ['CKV_AWS_18'],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_18',
        kind: 'looser',
        why: 'does not report a bucket that is itself the target of access logs, a trail, a load balancer, CloudFront or a flow log in the stack',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_s3_bucket', body: { bucket: 'example-data' } },
    passing: {
      resourceType: 'aws_s3_bucket',
      body: { bucket: 'example-data' },
      others: { [LOGGING]: { example: { bucket: '${aws_s3_bucket.example.id}', target_bucket: 'example-logs', target_prefix: 'data/' } } },
    },
  },
  check(resource, context) {
    const companions = bucketCompanions(resource, context, LOGGING);
    const withoutInline = () => companionResult(companions, LOGGING, 'so requests to it are not recorded');
    // The deprecated inline `logging { target_bucket = … }` counts when there is no separate resource.
    const results: CheckResult[] =
      companions.found.length === 0 && blocks(resource.body, 'logging').occurrences.length > 0
        ? forEachBlock(resource.body, 'logging', (b) => requireSet(b.body, 'target_bucket', 'an access log bucket', { path: b.path }), withoutInline)
        : [withoutInline()];
    if (results.every((r) => r.status === 'pass')) return results;
    const logBucket = receivesLogs(resource, context);
    if (logBucket.state === 'known' && logBucket.value) return notApplicable(`it is a log bucket: ${logBucket.why ?? 'it receives logs'}`);
    if (logBucket.state === 'unknown')
      return unknown(`${results.find((r) => r.status !== 'pass')!.message}, unless it is a log bucket: ${logBucket.expression}`);
    return results;
  },
});
