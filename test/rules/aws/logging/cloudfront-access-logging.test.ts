import { cloudfrontAccessLogging as rule } from '../../../../rules/aws/logging/cloudfront-access-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const D = 'aws_cloudfront_distribution';
const v2 = (resource_arn: string, delivery = true) => ({
  resource: {
    aws_cloudwatch_log_delivery_source: { cdn: { name: 'cdn', log_type: 'ACCESS_LOGS', resource_arn } },
    ...(delivery
      ? {
          aws_cloudwatch_log_delivery: {
            cdn: {
              delivery_source_name: '${aws_cloudwatch_log_delivery_source.cdn.name}',
              delivery_destination_arn: '${aws_cloudwatch_log_delivery_destination.s3.arn}',
            },
          },
        }
      : {}),
  },
});

describe('cloudfront-access-logging', () => {
  itHonoursItsExamples(rule);

  it('fires without logging_config or standard logging v2', () => {
    expect(kinds(findingsFor(rule, D, { enabled: true }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, D, { enabled: true }, v2('${aws_cloudfront_distribution.other.arn}')))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, D, { enabled: true }, v2('${aws_cloudfront_distribution.subject.arn}', false)))).toEqual(['violation']);
  });
  it('stays quiet with a logging_config bucket, or a v2 delivery source and delivery', () => {
    expect(findingsFor(rule, D, { enabled: true, logging_config: { bucket: 'logs.s3.amazonaws.com' } })).toEqual([]);
    expect(findingsFor(rule, D, { enabled: true, logging_config: { bucket: '${aws_s3_bucket.logs.bucket_domain_name}' } })).toEqual([]);
    expect(findingsFor(rule, D, { enabled: true }, v2('${aws_cloudfront_distribution.subject.arn}'))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, D, { enabled: true, logging_config: { bucket: '${var.bucket}' } }))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, D, { enabled: true, dynamic: { logging_config: { for_each: '${var.logs}', content: { bucket: 'logs.s3.amazonaws.com' } } } })),
    ).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, D, { enabled: true }, v2('${var.arn}')))).toEqual(['unknown']);
  });
});
