/** SNS topics encrypt the messages they store with KMS. */
import { defineRule } from '../../../engine/rule';
import { requirePresent } from '../../common/shapes';

export const snsTopicEncrypted = defineRule({
  id: 'sns-topic-encrypted',
  title: 'SNS topics use server-side encryption',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_sns_topic'],
  rationale:
    'An SNS topic stores each message until every subscription has received it (retries last up to days for ' +
    'some endpoints), and without server-side encryption it is stored without a KMS key: anyone with ' +
    'sns:Subscribe on the topic needs nothing else to read it, and no key policy or CloudTrail key-use record ' +
    'stands between them and the messages. Alarms and events often carry resource names, account IDs and ' +
    'payload excerpts. Any KMS key counts here (sns-topic-cmk asks for a customer-managed one in strict).',
  fix:
    'Set `kms_master_key_id` to a KMS key (ideally a customer-managed one whose policy lets the publishing ' +
    'services use it; `alias/aws/sns` works for publishers in the same account but not for AWS services such as CloudWatch alarms).',
  references: {
    checkov: ['CKV_AWS_26'],
    docs: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_sns_topic', body: { name: 'alerts' } },
    passing: { resourceType: 'aws_sns_topic', body: { name: 'alerts', kms_master_key_id: '${aws_kms_key.alerts.arn}' } },
  },
  check(resource) {
    return requirePresent(resource.body, 'kms_master_key_id', 'server-side encryption');
  },
});
