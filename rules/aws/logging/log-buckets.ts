/**
 * Which buckets receive logs: the target of an S3 server access log, a trail, a load balancer, a CloudFront
 * distribution or a flow log. Such a bucket should not log its own access into itself (every log write would
 * be logged, without end), so the S3 access logging rule leaves it out.
 */
import type { RuleContext } from '../../../engine/rule';
import type { ResourceRecord } from '../../../engine/types';
import { blocks, isExpression, known, NO, or, type Answer } from '../../../engine/values';
import { pointsAt } from '../data/companions';

interface Pointer {
  readonly from: string;
  readonly value: unknown;
}

/** [resource type, block holding the pointer (or '' for the resource itself), attribute]. */
const POINTERS: readonly (readonly [string, string, string])[] = [
  ['aws_s3_bucket_logging', '', 'target_bucket'],
  ['aws_s3_bucket', 'logging', 'target_bucket'],
  ['aws_cloudtrail', '', 's3_bucket_name'],
  ['aws_lb', 'access_logs', 'bucket'],
  ['aws_alb', 'access_logs', 'bucket'],
  ['aws_elb', 'access_logs', 'bucket'],
  ['aws_cloudfront_distribution', 'logging_config', 'bucket'],
  ['aws_flow_log', '', 'log_destination'],
];

/** A literal bucket ARN (`arn:aws:s3:::logs/prefix`) or CloudFront's `logs.s3.amazonaws.com` as the bucket name. */
function bucketName(value: unknown): unknown {
  if (typeof value !== 'string' || isExpression(value as unknown)) return value;
  return value
    .replace(/^arn:aws[a-z-]*:s3:::/, '')
    .replace(/\/.*$/, '')
    .replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, '');
}

function pointers(context: RuleContext): readonly Pointer[] {
  return context.memo('logging/log-bucket-pointers', () =>
    POINTERS.flatMap(([type, block, attribute]) =>
      context.resourcesOfType(type).flatMap((r): Pointer[] => {
        if (r.mode !== 'managed') return [];
        if (block === '') return [{ from: r.address, value: r.body[attribute] }];
        return blocks(r.body, block).occurrences.map((b) => ({ from: `${r.address}.${b.path}`, value: b.body[attribute] }));
      }),
    ),
  );
}

/** Whether `bucket` receives logs from something in this stack: known yes (naming it), unknown, or no. */
export function receivesLogs(bucket: ResourceRecord, context: RuleContext): Answer {
  return or(
    NO,
    ...pointers(context)
      .filter(
        (p) =>
          p.from !== `${bucket.address}.logging` && !p.from.startsWith(`${bucket.address}.logging[`) && !p.from.startsWith(`${bucket.address}.dynamic.logging`),
      )
      .map((p) => {
        const answer = pointsAt(bucketName(p.value), bucket, ['bucket']);
        if (answer.state === 'known') return answer.value ? known(true, `${p.from} writes its logs to it`) : answer;
        return { ...answer, expression: `${p.from} writes logs to ${answer.expression}, which may be this bucket` };
      }),
  );
}
