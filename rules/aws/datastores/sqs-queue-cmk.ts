/** SQS queues are encrypted with a customer-managed KMS key. */
import { defineRule } from '../../../engine/rule';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const sqsQueueCmk = defineRule({
  id: 'sqs-queue-cmk',
  title: 'SQS queues are encrypted with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_sqs_queue'],
  rationale:
    'SSE-SQS and the AWS managed key alias/aws/sqs encrypt the messages, but with keys whose use nobody can ' +
    'restrict or audit per queue: whoever may receive from the queue reads its messages. A customer-managed ' +
    'key adds a key policy that readers must also satisfy, key-use records in CloudTrail, and a way to cut ' +
    'off access by disabling the key. Strict: the baseline only asks for encryption (sqs-queue-encrypted), and ' +
    'a CMK costs KMS requests and key-policy upkeep (producers such as SNS or S3 need kms:GenerateDataKey on it).',
  fix: 'Set `kms_master_key_id` to a customer-managed key (`aws_kms_key.x.arn` or an alias of one); not `alias/aws/sqs`.',
  references: {
    checkov: ['CKV2_AWS_73'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_73',
        kind: 'stricter',
        why: 'checkov only rejects kms_master_key_id = "alias/aws/sqs" and passes a queue without any key (SSE-SQS); here an SQS-owned key is not a customer-managed key either.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html'],
  },
  examples: {
    failing: { resourceType: 'aws_sqs_queue', body: { name: 'jobs', kms_master_key_id: 'alias/aws/sqs' } },
    passing: { resourceType: 'aws_sqs_queue', body: { name: 'jobs', kms_master_key_id: '${aws_kms_key.jobs.arn}' } },
  },
  check(resource, context) {
    return requireCustomerManagedKey(resource.body.kms_master_key_id, 'kms_master_key_id', 'the queue', context);
  },
});
