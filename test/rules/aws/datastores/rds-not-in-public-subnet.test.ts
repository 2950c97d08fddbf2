import { rdsNotInPublicSubnet as rule } from '../../../../rules/aws/datastores/rds-not-in-public-subnet';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const REF = '${aws_db_subnet_group.db.name}';
const stack = (subnet: Record<string, unknown>, more: Record<string, Record<string, unknown>> = {}) => ({
  resource: {
    aws_db_subnet_group: { db: { name: 'db', subnet_ids: ['${aws_subnet.a.id}', '${aws_subnet.b.id}'] } },
    aws_subnet: { a: { cidr_block: '10.0.1.0/24' }, b: { cidr_block: '10.0.2.0/24', ...subnet } },
    ...more,
  },
});
const routed = (gateway: string) => ({
  aws_route_table: { public: { vpc_id: '${aws_vpc.main.id}', route: [{ cidr_block: '0.0.0.0/0', gateway_id: gateway }] } },
  aws_route_table_association: { b: { subnet_id: '${aws_subnet.b.id}', route_table_id: '${aws_route_table.public.id}' } },
});

describe('rds-not-in-public-subnet', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires for the default subnet group, a subnet mapping public IPs, or one routed to an internet gateway', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({ map_public_ip_on_launch: true })))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({}, routed('${aws_internet_gateway.gw.id}'))))).toEqual(['violation']);
        const viaRoute = {
          aws_route_table: { public: { vpc_id: 'vpc-1' } },
          aws_route: { internet: { route_table_id: '${aws_route_table.public.id}', destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-0abc' } },
          aws_route_table_association: { b: { subnet_id: '${aws_subnet.b.id}', route_table_id: '${aws_route_table.public.id}' } },
        };
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: 'db' }, stack({}, viaRoute)))).toEqual(['violation']);
      });
      it('is quiet for private subnets (by reference or by name), or a route through a NAT gateway', () => {
        expect(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({}))).toEqual([]);
        expect(findingsFor(rule, type, { db_subnet_group_name: 'db' }, stack({ map_public_ip_on_launch: false }))).toEqual([]);
        const nat = {
          aws_route_table: { private: { route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: '${aws_nat_gateway.n.id}' }] } },
          aws_route_table_association: { b: { subnet_id: '${aws_subnet.b.id}', route_table_id: '${aws_route_table.private.id}' } },
        };
        expect(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({}, nat))).toEqual([]);
      });
      it('is unknown for subnets, groups or route tables outside the stack, or expressions', () => {
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: '${var.group}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: 'elsewhere' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({ map_public_ip_on_launch: '${var.public}' })))).toEqual(['unknown']);
        const outside = { resource: { aws_db_subnet_group: { db: { name: 'db', subnet_ids: ['${var.subnet}'] } } } };
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: REF }, outside))).toEqual(['unknown']);
        const foreignTable = { aws_route_table_association: { b: { subnet_id: '${aws_subnet.b.id}', route_table_id: 'rtb-0abc' } } };
        expect(kinds(findingsFor(rule, type, { db_subnet_group_name: REF }, stack({}, foreignTable)))).toEqual(['unknown']);
      });
    });
  }

  it('is not applicable to a read replica placed with its source', () => {
    expect(findingsFor(rule, 'aws_db_instance', { replicate_source_db: '${aws_db_instance.primary.identifier}' })).toEqual([]);
  });
});
