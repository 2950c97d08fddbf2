/** Trail log files and event data stores are encrypted with a customer-managed key, so reading them takes a key grant too. */
import { defineRule } from '../../../engine/rule';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const cloudtrailKmsEncryption = defineRule({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail trails and event data stores encrypt with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail', 'aws_cloudtrail_event_data_store'],
  rationale:
    "Without kms_key_id a trail's log files are encrypted with S3-managed keys, and an event data store with a key " +
    'CloudTrail owns: anyone who can read the bucket, or query the store, reads the whole account history (resource ' +
    'names, source addresses, who did what). A customer-managed key adds a key policy that must also allow the reader, ' +
    'and every decryption is itself logged. Strict: the events are encrypted either way, and the bucket policy and ' +
    'IAM remain the main control.',
  fix: 'Set `kms_key_id` to the ARN of a customer-managed key whose policy lets cloudtrail.amazonaws.com encrypt for this trail or event data store.',
  references: {
    checkov: ['CKV_AWS_35', 'CKV_AWS_294'],
    docs: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-event-data-store-cloudtrail.html',
    ],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs', kms_key_id: '${aws_kms_key.trail.arn}' } },
  },
  check(resource, context) {
    return requireCustomerManagedKey(
      resource.body.kms_key_id,
      'kms_key_id',
      resource.type === 'aws_cloudtrail' ? "the trail's log files" : 'the event data store',
      context,
    );
  },
});
