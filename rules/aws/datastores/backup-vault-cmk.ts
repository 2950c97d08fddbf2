/** AWS Backup vaults encrypt recovery points with a customer-managed KMS key. */
import { defineRule } from '../../../engine/rule';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const backupVaultCmk = defineRule({
  id: 'backup-vault-cmk',
  title: 'AWS Backup vaults are encrypted with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_backup_vault'],
  rationale:
    'A vault without kms_key_arn encrypts recovery points (of services whose backups AWS Backup encrypts ' +
    'itself, such as EFS and DynamoDB advanced backups) with the AWS managed key aws/backup: any principal ' +
    'of the account allowed to use AWS Backup can restore them, and they cannot be copied to another ' +
    'account. A customer-managed key adds a key policy that restorers must satisfy and allows cross-account ' +
    'copies. The key cannot be changed after creation. Strict: the AWS managed key still encrypts the data.',
  fix: 'Set `kms_key_arn` to a customer-managed key ARN (a dedicated backup key, with a policy for the backup and restore roles).',
  references: {
    checkov: ['CKV_AWS_166'],
    deviations: [
      { peer: 'checkov', check: 'CKV_AWS_166', kind: 'stricter', why: 'checkov accepts any kms_key_arn; an AWS managed key (alias/aws/backup) fails here.' },
    ],
    docs: ['https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_backup_vault', body: { name: 'backups' } },
    passing: { resourceType: 'aws_backup_vault', body: { name: 'backups', kms_key_arn: '${aws_kms_key.backups.arn}' } },
  },
  check(resource, context) {
    return requireCustomerManagedKey(resource.body.kms_key_arn, 'kms_key_arn', 'the vault', context);
  },
});
