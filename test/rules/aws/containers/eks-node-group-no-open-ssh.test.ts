import { eksNodeGroupNoOpenSsh as rule } from '../../../../rules/aws/containers/eks-node-group-no-open-ssh';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

const T = 'aws_eks_node_group';

describe('eks-node-group-no-open-ssh', () => {
  itHonoursItsExamples(rule);

  it('fires for an SSH key without source security groups', () => {
    expect(kinds(findingsFor(rule, T, { cluster_name: 'c', remote_access: { ec2_ssh_key: 'ops' } }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { cluster_name: 'c', remote_access: { ec2_ssh_key: 'ops', source_security_group_ids: [] } }))).toEqual(['violation']);
  });

  it('is quiet without remote access, without a key, or with source security groups', () => {
    expect(findingsFor(rule, T, { cluster_name: 'c' })).toEqual([]);
    expect(findingsFor(rule, T, { cluster_name: 'c', remote_access: {} })).toEqual([]);
    expect(findingsFor(rule, T, { cluster_name: 'c', remote_access: { ec2_ssh_key: 'ops', source_security_group_ids: ['sg-1'] } })).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, T, { cluster_name: 'c', remote_access: { ec2_ssh_key: 'ops', source_security_group_ids: '${var.sgs}' } }))).toEqual([
      'unknown',
    ]);
    expect(kinds(findingsFor(rule, T, { cluster_name: 'c', remote_access: { ec2_ssh_key: '${var.key}' } }))).toEqual(['unknown']);
  });
});
