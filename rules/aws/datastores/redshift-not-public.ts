/** Redshift clusters have no public endpoint. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const redshiftNotPublic = defineRule({
  id: 'redshift-not-public',
  title: 'Redshift clusters are not publicly accessible',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_redshift_cluster'],
  rationale:
    'A publicly accessible cluster gets a public IP and an endpoint that resolves to it from the internet; one ' +
    'security group rule later, the warehouse port (5439) is open to password guessing. In AWS provider 5.x ' +
    '`publicly_accessible` defaults to TRUE, so a cluster that does not say otherwise is public.',
  fix: 'Set `publicly_accessible = false` and reach the cluster from inside the VPC (or through a Redshift-managed VPC endpoint).',
  references: {
    checkov: ['CKV_AWS_87'],
    docs: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html'],
  },
  examples: {
    failing: { resourceType: 'aws_redshift_cluster', body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus', encrypted: true } },
    passing: {
      resourceType: 'aws_redshift_cluster',
      body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus', encrypted: true, publicly_accessible: false },
    },
  },
  check(resource) {
    return requireBool(resource.body, 'publicly_accessible', 'a private cluster', { expected: false, defaultValue: true });
  },
});
