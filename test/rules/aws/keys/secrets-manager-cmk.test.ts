import { secretsManagerCmk as rule } from '../../../../rules/aws/keys/secrets-manager-cmk';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_secretsmanager_secret';

describe('secrets-manager-cmk', () => {
  it('fires without a key, or with the AWS managed key', () => {
    expect(kinds(findingsFor(rule, T, { name: 's' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: 'alias/aws/secretsmanager' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager' }))).toEqual(['violation']);
  });

  it('is quiet for keys and aliases this stack creates, and for literal customer keys', () => {
    for (const key of [
      '${aws_kms_key.secrets.arn}',
      '${aws_kms_key.secrets.key_id}',
      '${aws_kms_alias.secrets.arn}',
      '${aws_kms_replica_key.secrets.arn}',
      'alias/app-secrets',
      'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]) {
      expect(findingsFor(rule, T, { name: 's', kms_key_id: key })).toEqual([]);
    }
  });

  it('reads data source lookups of keys', () => {
    const data = {
      data: {
        aws_kms_key: { managed: { key_id: 'alias/aws/secretsmanager' }, mine: { key_id: 'alias/app' }, open: { key_id: '${var.k}' } },
        aws_kms_alias: { managed: { name: 'alias/aws/secretsmanager' } },
      },
    };
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '${data.aws_kms_key.managed.arn}' }, data))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '${data.aws_kms_alias.managed.target_key_arn}' }, data))).toEqual(['violation']);
    expect(findingsFor(rule, T, { name: 's', kms_key_id: '${data.aws_kms_key.mine.arn}' }, data)).toEqual([]);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '${data.aws_kms_key.open.arn}' }, data))).toEqual(['unknown']);
  });

  it('is unknown for a variable or function (it may be null or an aws/ alias)', () => {
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '${var.kms_key_id}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { name: 's', kms_key_id: '${try(var.k, null)}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
