/** SNS topics are encrypted with a customer-managed KMS key. */
import { defineRule } from '../../../engine/rule';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const snsTopicCmk = defineRule({
  id: 'sns-topic-cmk',
  title: 'SNS topics are encrypted with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_sns_topic'],
  rationale:
    'The AWS managed key alias/aws/sns has a policy nobody can change: every principal of the account allowed ' +
    'to use SNS can use it, and AWS services that publish on your behalf (CloudWatch alarms, EventBridge, S3 ' +
    'notifications) cannot, so topics encrypted with it silently drop those messages. A customer-managed key ' +
    'lets the key policy name exactly the publishers and subscribers. Strict: any KMS key already encrypts ' +
    'the messages (sns-topic-encrypted), and a CMK costs money and key-policy upkeep.',
  fix: 'Set `kms_master_key_id` to a customer-managed key (`aws_kms_key.x.arn` or an alias of one) whose policy allows the publishing services.',
  references: {
    checkov: ['CKV_AWS_26'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_26',
        kind: 'stricter',
        why: 'checkov accepts any kms_master_key_id, alias/aws/sns included; this rule wants a customer-managed key (any key is sns-topic-encrypted).',
      },
    ],
    docs: ['https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html'],
  },
  examples: {
    failing: { resourceType: 'aws_sns_topic', body: { name: 'alerts', kms_master_key_id: 'alias/aws/sns' } },
    passing: { resourceType: 'aws_sns_topic', body: { name: 'alerts', kms_master_key_id: '${aws_kms_key.alerts.arn}' } },
  },
  check(resource, context) {
    return requireCustomerManagedKey(resource.body.kms_master_key_id, 'kms_master_key_id', 'the topic', context);
  },
});
