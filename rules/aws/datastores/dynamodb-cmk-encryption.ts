/** DynamoDB tables are encrypted with a customer-managed KMS key, whose policy decides who can read them. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireBool } from '../../common/shapes';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const dynamodbCmkEncryption = defineRule({
  id: 'dynamodb-cmk-encryption',
  title: 'DynamoDB tables and replicas are encrypted with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_dynamodb_table', 'aws_dynamodb_table_replica'],
  rationale:
    'Every table is encrypted at rest, but by default with a key AWS owns (no server_side_encryption block) or ' +
    'the AWS managed key alias/aws/dynamodb (enabled without kms_key_arn): their policies cannot be narrowed, ' +
    'key use is not separately logged per table, and access cannot be cut off by disabling the key. A ' +
    'customer-managed key adds a second, independent grant that readers of the data (and of its backups and ' +
    'exports) must hold. A replica in another region needs its own key in that region. Strict: the AWS keys ' +
    'still encrypt the data, and a CMK costs money and key-policy upkeep.',
  fix:
    'Add `server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.x.arn }`, and `kms_key_arn` on every ' +
    "`replica` block (or aws_dynamodb_table_replica) with a key of the replica's region.",
  references: {
    checkov: ['CKV_AWS_119', 'CKV_AWS_271'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_119',
        kind: 'stricter',
        why: 'checkov accepts any kms_key_arn, the AWS managed alias/aws/dynamodb included, and does not look at replica blocks; here both must be customer-managed keys.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  },
  examples: {
    failing: { resourceType: 'aws_dynamodb_table', body: { name: 'orders', hash_key: 'id', server_side_encryption: { enabled: true } } },
    passing: {
      resourceType: 'aws_dynamodb_table',
      body: { name: 'orders', hash_key: 'id', server_side_encryption: { enabled: true, kms_key_arn: '${aws_kms_key.data.arn}' } },
    },
  },
  check(resource, context) {
    if (resource.type === 'aws_dynamodb_table_replica') return requireCustomerManagedKey(resource.body.kms_key_arn, 'kms_key_arn', 'the replica', context);
    return [
      ...forEachBlock(
        resource.body,
        'server_side_encryption',
        (sse) => {
          const enabled = requireBool(sse.body, 'enabled', 'server-side encryption with a KMS key', { path: sse.path });
          if (enabled.status !== 'pass') return enabled;
          return requireCustomerManagedKey(sse.body.kms_key_arn, `${sse.path}.kms_key_arn`, 'the table', context);
        },
        violation('no server_side_encryption block: the table is encrypted with a key AWS owns, not a customer-managed key', 'server_side_encryption'),
      ),
      ...forEachBlock(resource.body, 'replica', (r) => requireCustomerManagedKey(r.body.kms_key_arn, `${r.path}.kms_key_arn`, 'the replica', context)),
    ];
  },
});
