import { s3AccessLogging as rule } from '../../../../rules/aws/logging/s3-access-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const B = 'aws_s3_bucket';
const L = 'aws_s3_bucket_logging';
const logging = (bucket: string, target_bucket = 'central-logs') => ({ [L]: { l: { bucket, target_bucket, target_prefix: 'x/' } } });

describe('s3-access-logging', () => {
  itHonoursItsExamples(rule);

  it('fires on a bucket without access logging, or with logging for another bucket', () => {
    expect(kinds(findingsFor(rule, B, { bucket: 'data' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, B, { bucket: 'data' }, { resource: logging('${aws_s3_bucket.other.id}') }))).toEqual(['violation']);
  });

  it('stays quiet with an aws_s3_bucket_logging that points at it, by reference or by name', () => {
    expect(findingsFor(rule, B, { bucket: 'data' }, { resource: logging('${aws_s3_bucket.subject.id}') })).toEqual([]);
    expect(findingsFor(rule, B, { bucket: 'data' }, { resource: logging('data') })).toEqual([]);
  });

  it('reads the deprecated inline logging block', () => {
    expect(findingsFor(rule, B, { bucket: 'data', logging: { target_bucket: 'central-logs' } })).toEqual([]);
    expect(kinds(findingsFor(rule, B, { bucket: 'data', logging: { target_bucket: '${var.logs}' } }))).toEqual(['unknown']);
  });

  it('leaves out a bucket that receives logs (access logs, a trail, a load balancer, CloudFront, a flow log)', () => {
    expect(findingsFor(rule, B, { bucket: 'logs' }, { resource: logging('${aws_s3_bucket.data.id}', '${aws_s3_bucket.subject.id}') })).toEqual([]);
    expect(findingsFor(rule, B, { bucket: 'logs' }, { resource: { aws_cloudtrail: { t: { name: 't', s3_bucket_name: 'logs' } } } })).toEqual([]);
    expect(
      findingsFor(rule, B, { bucket: 'logs' }, { resource: { aws_lb: { lb: { access_logs: { bucket: '${aws_s3_bucket.subject.id}', enabled: true } } } } }),
    ).toEqual([]);
    const cdn = { aws_cloudfront_distribution: { cdn: { logging_config: { bucket: 'logs.s3.amazonaws.com' } } } };
    expect(findingsFor(rule, B, { bucket: 'logs' }, { resource: cdn })).toEqual([]);
    expect(
      findingsFor(rule, B, { bucket: 'logs' }, { resource: { aws_flow_log: { f: { log_destination: 'arn:aws:s3:::logs/vpc/', vpc_id: 'vpc-1' } } } }),
    ).toEqual([]);
  });

  it('is unknown when a logging resource may point at it, or it may be a log bucket', () => {
    expect(kinds(findingsFor(rule, B, { bucket: 'data' }, { resource: logging('${var.bucket}') }))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, B, { bucket: 'data' }, { resource: { aws_cloudtrail: { t: { name: 't', s3_bucket_name: '${var.trail_bucket}' } } } })),
    ).toEqual(['unknown']);
  });
});
