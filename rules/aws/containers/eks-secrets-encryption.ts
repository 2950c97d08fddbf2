/** EKS clusters encrypt Kubernetes secrets with a customer-managed KMS key. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { describeExpression, listAttr } from '../../../engine/values';
import { forEachBlock, requirePresent } from '../../common/shapes';

export const eksSecretsEncryption = defineRule({
  id: 'eks-secrets-encryption',
  title: 'EKS clusters encrypt Kubernetes secrets with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'keys',
  resourceTypes: ['aws_eks_cluster'],
  rationale:
    'Kubernetes secrets (service account tokens, database passwords, TLS keys) live in etcd. EKS encrypts etcd ' +
    'volumes, and since Kubernetes 1.28 envelope-encrypts API data with an AWS-owned key; with ' +
    '`encryption_config` for "secrets" the key is yours: its policy decides who can decrypt, every use is in ' +
    'CloudTrail, and disabling it makes the secrets unreadable. Strict: the AWS-owned default already ' +
    'encrypts at rest; a customer-managed key adds control and audit.',
  fix: 'Add `encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.eks.arn } }`.',
  references: {
    checkov: ['CKV_AWS_58'],
    docs: ['https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html'],
  },
  examples: {
    failing: { resourceType: 'aws_eks_cluster', body: { name: 'main', role_arn: '${aws_iam_role.eks.arn}', vpc_config: { subnet_ids: ['subnet-1'] } } },
    passing: {
      resourceType: 'aws_eks_cluster',
      body: {
        name: 'main',
        role_arn: '${aws_iam_role.eks.arn}',
        vpc_config: { subnet_ids: ['subnet-1'] },
        encryption_config: { resources: ['secrets'], provider: { key_arn: '${aws_kms_key.eks.arn}' } },
      },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'encryption_config',
      (block): CheckResult[] => {
        const resources = listAttr(block.body, 'resources');
        const where = `${block.path}.resources`;
        let covers: CheckResult;
        if (resources.state === 'unknown') covers = unknown(`${where} is ${describeExpression(resources.expression)}`, where);
        else if (resources.state === 'known' && resources.value.includes('secrets')) covers = pass('secrets are encrypted', where);
        else if (resources.state === 'known' && resources.value.some((r) => typeof r !== 'string' || r.includes('${')))
          covers = unknown(`${where} holds an expression`, where);
        else covers = violation(`${where} does not include "secrets"`, where);
        return [
          covers,
          ...forEachBlock(
            block.body,
            'provider',
            (p) => requirePresent(p.body, 'key_arn', 'a KMS key', { path: `${block.path}.${p.path}` }),
            violation(`${block.path} has no provider block naming a KMS key`, `${block.path}.provider`),
          ),
        ];
      },
      violation('no encryption_config: secrets are encrypted only with the AWS-owned default key', 'encryption_config'),
    );
  },
});
