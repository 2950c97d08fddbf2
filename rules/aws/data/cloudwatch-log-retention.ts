/**
 * Log groups keep logs for a chosen, bounded time that is long enough to investigate an incident, and
 * encrypt them with a customer-managed key.
 */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { numberAttr } from '../../../engine/values';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

/**
 * Days. Three months is the window PCI DSS 10.5.1 wants logs immediately available for analysis, and longer
 * than the time most intrusions take to be noticed; longer-term retention belongs in an archive (S3).
 */
export const MIN_LOG_RETENTION_DAYS = 90;

export const cloudwatchLogRetention = defineRule({
  id: 'cloudwatch-log-retention',
  title: `CloudWatch log groups keep logs for a bounded period of at least ${MIN_LOG_RETENTION_DAYS} days and use a KMS key`,
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_cloudwatch_log_group'],
  rationale:
    'A log group with retention_in_days unset (or 0) keeps everything forever: personal data held past any ' +
    `stated purpose, and a cost that only grows. Too short a period loses the evidence an investigation ` +
    `needs; ${MIN_LOG_RETENTION_DAYS} days covers the usual time to notice an intrusion. Without kms_key_id ` +
    'the logs are encrypted with a key CloudWatch owns: anyone with logs:GetLogEvents reads them, and there is ' +
    'no key policy to narrow that.',
  fix:
    `Set \`retention_in_days\` to ${MIN_LOG_RETENTION_DAYS} or more (one of the values CloudWatch accepts: 90, 120, ` +
    '150, 180, 365, …), export to S3 if logs must be kept longer, and set `kms_key_id` to a customer-managed ' +
    'key whose policy allows the logs service principal of the region.',
  references: {
    checkov: ['CKV_AWS_66', 'CKV_AWS_158'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_66',
        kind: 'stricter',
        why: 'requires at least 90 days and rejects 0 (never expire); checkov passes any retention_in_days value, including 1 and 0',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_158',
        kind: 'stricter',
        why: 'an AWS managed key or a data lookup of alias/aws/* fails and an unresolved kms_key_id is unknown; checkov passes any value',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
  },
  examples: {
    failing: { resourceType: 'aws_cloudwatch_log_group', body: { name: '/app/api' } },
    passing: {
      resourceType: 'aws_cloudwatch_log_group',
      body: { name: '/app/api', retention_in_days: 365, kms_key_id: '${aws_kms_key.logs.arn}' },
    },
  },
  check(resource, context) {
    return [retention(resource.body), requireCustomerManagedKey(resource.body.kms_key_id, 'kms_key_id', 'the log group', context)];
  },
});

function retention(body: JsonObject): CheckResult {
  const days = numberAttr(body, 'retention_in_days');
  if (days.state === 'unknown') return unknownValue('retention_in_days', days);
  if (days.state === 'absent' || days.value === 0) {
    return violation(
      `retention_in_days is ${days.state === 'absent' ? 'unset' : '0'}, so logs are kept forever; choose a period of at least ${MIN_LOG_RETENTION_DAYS} days`,
      'retention_in_days',
    );
  }
  if (days.value < MIN_LOG_RETENTION_DAYS) {
    return violation(`retention_in_days = ${days.value} is shorter than the ${MIN_LOG_RETENTION_DAYS} days an investigation needs`, 'retention_in_days');
  }
  return pass(`logs are kept for ${days.value} days`, 'retention_in_days');
}
