import { eksSecretsEncryption as rule } from '../../../../rules/aws/containers/eks-secrets-encryption';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

const T = 'aws_eks_cluster';
const cluster = (encryption_config?: unknown) => ({ name: 'c', vpc_config: { subnet_ids: ['s'] }, ...(encryption_config ? { encryption_config } : {}) });

describe('eks-secrets-encryption', () => {
  itHonoursItsExamples(rule);

  it('fires without encryption_config, without "secrets", or without a key', () => {
    expect(kinds(findingsFor(rule, T, cluster()))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, cluster({ resources: [], provider: { key_arn: 'arn:k' } })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, cluster({ resources: ['secrets'] })))).toEqual(['violation']);
  });

  it('is quiet with secrets encrypted under a key', () => {
    expect(findingsFor(rule, T, cluster({ resources: ['secrets'], provider: { key_arn: '${aws_kms_key.eks.arn}' } }))).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, T, cluster({ resources: '${var.r}', provider: { key_arn: 'arn:k' } })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, cluster({ resources: ['secrets'], provider: { key_arn: '${var.key}' } })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, cluster('${local.enc}')))).toEqual(['unknown']);
  });
});
