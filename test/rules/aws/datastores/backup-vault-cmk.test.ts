import { backupVaultCmk as rule } from '../../../../rules/aws/datastores/backup-vault-cmk';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_backup_vault';

describe('backup-vault-cmk', () => {
  itHonoursItsExamples(rule);
  it('fires without a key or with the AWS managed key', () => {
    expect(kinds(findingsFor(rule, T, { name: 'v' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 'v', kms_key_arn: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/backup' }))).toEqual(['violation']);
  });
  it('is quiet with a customer-managed key', () => expect(findingsFor(rule, T, { name: 'v', kms_key_arn: '${aws_kms_key.b.arn}' })).toEqual([]));
  it('is unknown for a variable', () => expect(kinds(findingsFor(rule, T, { name: 'v', kms_key_arn: '${var.k}' }))).toEqual(['unknown']));
});
