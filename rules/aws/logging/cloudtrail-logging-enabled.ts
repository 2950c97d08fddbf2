/** A trail that exists also records: a stopped trail is the quietest way to blind an account. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const cloudtrailLoggingEnabled = defineRule({
  id: 'cloudtrail-logging-enabled',
  title: 'CloudTrail trails are logging',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'A trail with logging stopped looks configured in every inventory but records nothing; stopping a trail ' +
    'is a classic step of an attacker covering their tracks, and a configuration that stops it does the same ' +
    'by mistake.',
  fix: 'Remove `enable_logging = false` (it defaults to true), or set it to true.',
  references: {
    checkov: ['CKV_AWS_251'],
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html'],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs', enable_logging: false } },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
  },
  check(resource) {
    return requireBool(resource.body, 'enable_logging', 'a trail that logs', { defaultValue: true });
  },
});
