/** Trails write digest files, so a deleted or edited log file can be detected. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const cloudtrailLogFileValidation = defineRule({
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail trails validate their log files',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'An intruder who can write to the log bucket can delete or rewrite the log files that record what they ' +
    'did. With log file validation CloudTrail signs an hourly digest of every file it delivered, so ' +
    '`aws cloudtrail validate-logs` shows which files were removed or changed: evidence that holds up.',
  fix: 'Set `enable_log_file_validation = true` (it defaults to false).',
  references: {
    checkov: ['CKV_AWS_36'],
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs', enable_log_file_validation: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'enable_log_file_validation', 'log file validation', { defaultValue: false });
  },
});
