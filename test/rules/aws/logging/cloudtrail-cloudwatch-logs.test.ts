import { cloudtrailCloudwatchLogs as rule } from '../../../../rules/aws/logging/cloudtrail-cloudwatch-logs';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });
const role = { cloud_watch_logs_role_arn: '${aws_iam_role.trail.arn}' };

describe('cloudtrail-cloudwatch-logs', () => {
  itHonoursItsExamples(rule);

  it('fires without a log group, or without the role that delivers to it', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail()))).toEqual(['violation', 'violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.t.arn}:*' })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ ...role, cloud_watch_logs_group_arn: '' })))).toEqual(['violation']);
  });
  it('stays quiet with both, the group as a reference with ":*" or a literal ARN', () => {
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ ...role, cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.t.arn}:*' }))).toEqual([]);
    expect(
      findingsFor(rule, 'aws_cloudtrail', trail({ ...role, cloud_watch_logs_group_arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:trail:*' })),
    ).toEqual([]);
  });
  it('is unknown for a variable that may be null', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ ...role, cloud_watch_logs_group_arn: '${var.group}' })))).toEqual(['unknown']);
  });
});
