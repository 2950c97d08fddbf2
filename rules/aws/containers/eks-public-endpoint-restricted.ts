/** An EKS cluster's Kubernetes API is not open to the whole internet. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { boolAttr, describeExpression, isExpression, listAttr } from '../../../engine/values';
import { isInternetCidr } from '../../common/ports';
import { forEachBlock } from '../../common/shapes';

export const eksPublicEndpointRestricted = defineRule({
  id: 'eks-public-endpoint-restricted',
  title: 'EKS cluster API endpoints are private, or public only to named networks',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_eks_cluster'],
  rationale:
    "The Kubernetes API server is the cluster's control plane: open to 0.0.0.0/0 it is scanned and " +
    'brute-forced from the internet, and any pre-authentication bug in it, or a leaked kubeconfig or token, is ' +
    'exploitable from anywhere. The provider defaults are endpoint_public_access = true and ' +
    'public_access_cidrs = ["0.0.0.0/0"], so an unset vpc_config is fully public. A public endpoint limited to ' +
    'named CIDRs (the VPN, the CI runners) passes; ranges so wide they are the internet (0.0.0.0/1) do not.',
  fix:
    'Set `vpc_config { endpoint_private_access = true, endpoint_public_access = false }` and reach the API ' +
    'over the VPC (tailnet, VPN); or keep it public with `public_access_cidrs` naming your networks.',
  references: {
    checkov: ['CKV_AWS_38', 'CKV_AWS_39'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_39',
        kind: 'looser',
        why: 'checkov forbids a public endpoint outright; here a public endpoint restricted by public_access_cidrs to non-internet ranges passes.',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_38',
        kind: 'stricter',
        why: '::/0 and internet-wide ranges such as 0.0.0.0/1 count as the internet, not only 0.0.0.0/0.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html'],
  },
  examples: {
    failing: { resourceType: 'aws_eks_cluster', body: { name: 'main', role_arn: '${aws_iam_role.eks.arn}', vpc_config: { subnet_ids: ['subnet-1'] } } },
    passing: {
      resourceType: 'aws_eks_cluster',
      body: {
        name: 'main',
        role_arn: '${aws_iam_role.eks.arn}',
        vpc_config: { subnet_ids: ['subnet-1'], endpoint_private_access: true, endpoint_public_access: false },
      },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'vpc_config',
      (block): CheckResult => {
        const publicAccess = boolAttr(block.body, 'endpoint_public_access');
        const at = (key: string) => `${block.path}.${key}`;
        if (publicAccess.state === 'unknown') return unknownValue(at('endpoint_public_access'), publicAccess);
        if (publicAccess.state === 'known' && !publicAccess.value) return pass('the API endpoint is private', at('endpoint_public_access'));
        const cidrs = listAttr(block.body, 'public_access_cidrs');
        const publicWhy =
          publicAccess.state === 'absent' ? 'the API endpoint is public (endpoint_public_access unset, which means true)' : 'the API endpoint is public';
        if (cidrs.state === 'absent') return violation(`${publicWhy}, and public_access_cidrs is unset, which means 0.0.0.0/0`, at('public_access_cidrs'));
        if (cidrs.state === 'unknown')
          return unknown(`${publicWhy}, and public_access_cidrs is ${describeExpression(cidrs.expression)}`, at('public_access_cidrs'));
        const open = cidrs.value.filter((c) => typeof c === 'string' && !isExpression(c) && isInternetCidr(c));
        if (open.length > 0) return violation(`${publicWhy} to ${open.join(', ')}`, at('public_access_cidrs'));
        const doubtful = cidrs.value.find((c) => typeof c !== 'string' || isExpression(c));
        if (doubtful !== undefined)
          return unknown(`${publicWhy}, and public_access_cidrs contains ${describeExpression(String(doubtful))}`, at('public_access_cidrs'));
        if (cidrs.value.length === 0) return violation(`${publicWhy}, and an empty public_access_cidrs means 0.0.0.0/0`, at('public_access_cidrs'));
        return pass(`the API endpoint is public only to ${cidrs.value.join(', ')}`, at('public_access_cidrs'));
      },
      unknown('no vpc_config block: its endpoint settings cannot be read (Terraform requires one)', 'vpc_config'),
    );
  },
});
