/** Secrets are encrypted with a customer-managed KMS key, not the account's aws/secretsmanager key. */
import { defineRule } from '../../../engine/rule';
import { requireCustomerManagedKey } from './kms-key-reference';

export const secretsManagerCmk = defineRule({
  id: 'secrets-manager-cmk',
  title: 'Secrets Manager secrets use a customer-managed KMS key',
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: ['aws_secretsmanager_secret'],
  rationale:
    'Without kms_key_id a secret is encrypted with aws/secretsmanager, an AWS managed key whose policy lets ' +
    'every principal in the account that may call Secrets Manager decrypt with it. With a customer-managed key, ' +
    'reading the secret also needs kms:Decrypt on that key, which its policy can limit to the services that ' +
    'need the secret; the secret can also be shared with another account, which the AWS managed key prevents.',
  fix: 'Set `kms_key_id` to a customer-managed key (`aws_kms_key.<name>.arn`), never to `alias/aws/secretsmanager`.',
  references: {
    checkov: ['CKV_AWS_149'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_149',
        kind: 'stricter',
        why: 'data lookups of alias/aws/* fail and an unresolved kms_key_id is unknown; checkov passes any value not containing "aws/"',
      },
    ],
    docs: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_secretsmanager_secret', body: { name: 'db-password' } },
    passing: { resourceType: 'aws_secretsmanager_secret', body: { name: 'db-password', kms_key_id: '${aws_kms_key.secrets.arn}' } },
  },
  check(resource, context) {
    return requireCustomerManagedKey(resource.body.kms_key_id, 'kms_key_id', 'the secret', context);
  },
});
