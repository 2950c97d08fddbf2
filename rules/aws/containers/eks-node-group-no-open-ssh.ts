/** EKS node groups with an SSH key limit remote access to named security groups. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { describeExpression, listAttr, stringAttr } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';

export const eksNodeGroupNoOpenSsh = defineRule({
  id: 'eks-node-group-no-open-ssh',
  title: 'EKS node groups with remote access name the security groups allowed in',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_eks_node_group'],
  rationale:
    'A managed node group with `remote_access { ec2_ssh_key = … }` and no `source_security_group_ids` gets a ' +
    'security group that opens SSH (RDP for Windows nodes) to 0.0.0.0/0 on every node: the nodes, which hold ' +
    'the credentials of every pod scheduled on them, are brute-forced from the internet. EKS creates that ' +
    'rule itself, so no security-group rule in the stack shows it.',
  fix:
    'Remove remote_access and use SSM Session Manager (or Tailscale SSH); or set `source_security_group_ids` to ' +
    "the bastion's or the tailnet router's security group.",
  references: {
    checkov: ['CKV_AWS_100'],
    docs: ['https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html'],
  },
  examples: {
    failing: { resourceType: 'aws_eks_node_group', body: { cluster_name: 'main', remote_access: { ec2_ssh_key: 'ops' } } },
    passing: {
      resourceType: 'aws_eks_node_group',
      body: { cluster_name: 'main', remote_access: { ec2_ssh_key: 'ops', source_security_group_ids: ['${aws_security_group.bastion.id}'] } },
    },
  },
  check(resource) {
    return forEachBlock(resource.body, 'remote_access', (block): CheckResult => {
      const key = stringAttr(block.body, 'ec2_ssh_key');
      const groups = listAttr(block.body, 'source_security_group_ids');
      const at = (k: string) => `${block.path}.${k}`;
      if (key.state === 'absent') return notApplicable('no ec2_ssh_key: no remote access port is opened');
      if (groups.state === 'known' && groups.value.length > 0)
        return pass('remote access is limited to named security groups', at('source_security_group_ids'));
      if (groups.state === 'unknown')
        return unknown(
          `source_security_group_ids is ${describeExpression(groups.expression)}, and when empty SSH is open to 0.0.0.0/0`,
          at('source_security_group_ids'),
        );
      if (key.state === 'unknown')
        return unknown(
          `ec2_ssh_key is ${describeExpression(key.expression)}, and with a key and no source_security_group_ids SSH is open to 0.0.0.0/0`,
          at('ec2_ssh_key'),
        );
      return violation(
        'remote_access sets an SSH key without source_security_group_ids: EKS opens SSH (RDP on Windows) to 0.0.0.0/0',
        at('source_security_group_ids'),
      );
    });
  },
});
