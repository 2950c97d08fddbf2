/** Databases sit in private subnets, so a later publicly_accessible = true cannot expose them. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { attr, describeExpression, listAttr, referencedAddress, stringAttr } from '../../../engine/values';
import { anySubnetPublic } from './public-subnets';

const GROUP = 'aws_db_subnet_group';

function groupResult(group: ResourceRecord, context: RuleContext): CheckResult {
  const ids = listAttr(group.body, 'subnet_ids');
  if (ids.state === 'unknown') return unknown(`${group.address}.subnet_ids is ${describeExpression(ids.expression)}`, 'db_subnet_group_name');
  const publicSubnet = anySubnetPublic(ids.state === 'known' ? ids.value : [], context);
  if (publicSubnet.state === 'unknown')
    return unknown(`whether ${group.address} has public subnets cannot be known: ${publicSubnet.expression}`, 'db_subnet_group_name');
  return publicSubnet.value
    ? violation(`${group.address} includes a public subnet: ${publicSubnet.why ?? 'it routes to the internet'}`, 'db_subnet_group_name')
    : pass(`the subnets of ${group.address} are private`, 'db_subnet_group_name');
}

export const rdsNotInPublicSubnet = defineRule({
  id: 'rds-not-in-public-subnet',
  title: 'RDS instances and clusters are placed in private subnets',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'A database in a subnet that routes to an internet gateway is one setting away from the internet: ' +
    'publicly_accessible = true (rds-not-public) and a security group rule are all it takes, and both change ' +
    'without moving the database. In private subnets, no setting on the database can expose it. A DB subnet ' +
    'group is followed to its subnets in this stack; a subnet is public when it maps public IPs on launch or ' +
    'an aws_route_table_association in the stack gives it a route to an internet gateway (subnets using the ' +
    'VPC main route table are not followed). No db_subnet_group_name means the default subnet group, i.e. the ' +
    'default VPC, whose subnets are public. Strict: subnets from outside the stack cannot be verified (unknown).',
  fix: `Set \`db_subnet_group_name\` to an ${GROUP} whose subnets have no route to an internet gateway and \`map_public_ip_on_launch = false\`.`,
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.Scenarios.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_db_instance',
      body: { engine: 'postgres', instance_class: 'db.t4g.micro', db_subnet_group_name: '${aws_db_subnet_group.db.name}' },
      others: {
        [GROUP]: { db: { name: 'db', subnet_ids: ['${aws_subnet.a.id}'] } },
        aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.1.0/24', map_public_ip_on_launch: true } },
      },
    },
    passing: {
      resourceType: 'aws_db_instance',
      body: { engine: 'postgres', instance_class: 'db.t4g.micro', db_subnet_group_name: '${aws_db_subnet_group.db.name}' },
      others: {
        [GROUP]: { db: { name: 'db', subnet_ids: ['${aws_subnet.a.id}'] } },
        aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.1.0/24' } },
      },
    },
  },
  check(resource, context) {
    const name = stringAttr(resource.body, 'db_subnet_group_name');
    if (name.state === 'absent') {
      if (attr(resource.body, 'replicate_source_db').state !== 'absent')
        return notApplicable('a read replica without a subnet group is placed with its source');
      return violation('no db_subnet_group_name: the default DB subnet group uses the default VPC, whose subnets are public', 'db_subnet_group_name');
    }
    if (name.state === 'unknown') {
      const address = referencedAddress(name.expression);
      const group = address ? context.resourceAt(address) : undefined;
      return group?.type === GROUP ? groupResult(group, context) : unknownValue('db_subnet_group_name', name);
    }
    if (name.value === 'default') return violation('db_subnet_group_name = "default" uses the default VPC, whose subnets are public', 'db_subnet_group_name');
    const group = context.resourcesOfType(GROUP).find((g) => g.body.name === name.value);
    if (group) return groupResult(group, context);
    return unknown(`the DB subnet group "${name.value}" is not in this stack, so its subnets cannot be verified`, 'db_subnet_group_name');
  },
});
