/** Trails also deliver to CloudWatch Logs, where metric filters and alarms can react within minutes. */
import { defineRule } from '../../../engine/rule';
import { requireSet } from './shared';

export const cloudtrailCloudwatchLogs = defineRule({
  id: 'cloudtrail-cloudwatch-logs',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'Log files in S3 are evidence after the fact; nobody is told when the root user signs in, a trail is ' +
    'stopped or a security group opens. Delivered to CloudWatch Logs, the events feed metric filters and ' +
    'alarms (the CIS monitoring controls). Strict: an account may alert from EventBridge or a SIEM that ' +
    'reads the bucket instead.',
  fix:
    'Set `cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.<name>.arn}:*"` and `cloud_watch_logs_role_arn` ' +
    'to a role CloudTrail can assume to write to that group.',
  references: {
    checkov: ['CKV2_AWS_10'],
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_10',
        kind: 'different',
        why: 'accepts a log group ARN from outside the stack (checkov wants a connected aws_cloudwatch_log_group), and also requires cloud_watch_logs_role_arn, without which nothing is delivered',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
    passing: {
      resourceType: 'aws_cloudtrail',
      body: {
        name: 'audit',
        s3_bucket_name: 'audit-logs',
        cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.trail.arn}:*',
        cloud_watch_logs_role_arn: '${aws_iam_role.trail.arn}',
      },
    },
  },
  check(resource) {
    return [
      requireSet(resource.body, 'cloud_watch_logs_group_arn', 'a CloudWatch Logs group for the events'),
      requireSet(resource.body, 'cloud_watch_logs_role_arn', 'a role that delivers them'),
    ];
  },
});
