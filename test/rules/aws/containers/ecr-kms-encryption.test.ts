import { ecrKmsEncryption as rule } from '../../../../rules/aws/containers/ecr-kms-encryption';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

describe('ecr-kms-encryption', () => {
  itHonoursItsExamples(rule);

  it('fires without encryption_configuration, or with AES256', () => {
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: { encryption_type: 'AES256' } }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: {} }))).toEqual(['violation']);
  });

  it('is quiet for KMS and KMS_DSSE', () => {
    expect(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: { encryption_type: 'KMS' } })).toEqual([]);
    expect(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: [{ encryption_type: 'KMS_DSSE', kms_key: 'arn:k' }] })).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: { encryption_type: '${var.t}' } }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', encryption_configuration: '${var.enc}' }))).toEqual(['unknown']);
  });
});
