/** Databases are reachable only from inside their VPC (or through a load balancer / proxy), never by a public DNS name. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const rdsNotPublic = defineRule({
  id: 'rds-not-public',
  title: 'RDS instances are not publicly accessible',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  rationale:
    'publicly_accessible = true gives the instance a public IP and a DNS name that resolves to it from the ' +
    'internet; one security group rule later, the database port is open to the world, and database engines ' +
    'are a favourite target of credential stuffing and engine exploits.',
  fix: 'Leave `publicly_accessible` unset (false) and reach the database from inside the VPC, through a bastion, SSM port forwarding or RDS Proxy.',
  references: {
    checkov: ['CKV_AWS_17'],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro', publicly_accessible: true } },
    passing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro' } },
  },
  check(resource) {
    // Both resources default publicly_accessible to false.
    return requireBool(resource.body, 'publicly_accessible', 'a private database', { expected: false, defaultValue: false });
  },
});
