import { noDataStorePortsFromInternet as rule } from '../../../../rules/aws/network/no-data-store-ports-from-internet';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const world = { cidr_blocks: ['0.0.0.0/0'] };
const sg = (...ingress: Record<string, unknown>[]) => findingsFor(rule, 'aws_security_group', { ingress });

describe('no-data-store-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  it('aws_security_group: fires on PostgreSQL, on Redis from ::/0, and on a range covering MySQL', () => {
    expect(kinds(sg({ protocol: 'tcp', from_port: 5432, to_port: 5432, ...world }))).toEqual(['violation']);
    expect(kinds(sg({ protocol: 'tcp', from_port: 6379, to_port: 6379, ipv6_cidr_blocks: ['::/0'] }))).toEqual(['violation']);
    const found = sg({ protocol: 'tcp', from_port: 3000, to_port: 3400, ...world });
    expect(found[0].message).toContain('3306 (MySQL)');
  });
  it('aws_security_group: leaves protocol -1 to no-all-ports-from-internet, fires on a wide range that is not every port', () => {
    expect(sg({ protocol: '-1', from_port: 0, to_port: 0, ...world })).toEqual([]);
    expect(kinds(sg({ protocol: 'tcp', from_port: 1024, to_port: 65535, ...world }))).toEqual(['violation']);
  });
  it('aws_security_group: stays quiet on web ports from the internet and on the database port from the app group', () => {
    expect(
      sg({ protocol: 'tcp', from_port: 80, to_port: 443, ...world }, { protocol: 'tcp', from_port: 5432, to_port: 5432, security_groups: ['sg-app'] }),
    ).toEqual([]);
  });
  it('aws_security_group: is unknown when a CIDR is an expression', () => {
    expect(kinds(sg({ protocol: 'tcp', from_port: 27017, to_port: 27017, cidr_blocks: ['${var.cidr}'] }))).toEqual(['unknown']);
  });
  it('aws_security_group: reads dynamic blocks', () => {
    const body = { dynamic: { ingress: { content: { protocol: 'tcp', from_port: 9200, to_port: 9200, ...world } } } };
    expect(kinds(findingsFor(rule, 'aws_security_group', body))).toEqual(['violation']);
  });
  it('aws_security_group_rule: fires on MongoDB from the internet, quiet from a private CIDR, unknown on a port expression', () => {
    const r = (body: Record<string, unknown>) =>
      findingsFor(rule, 'aws_security_group_rule', { type: 'ingress', security_group_id: 'sg-1', protocol: 'tcp', ...body });
    expect(kinds(r({ from_port: 27017, to_port: 27017, ...world }))).toEqual(['violation']);
    expect(r({ from_port: 27017, to_port: 27017, cidr_blocks: ['10.0.0.0/16'] })).toEqual([]);
    expect(kinds(r({ from_port: '${var.port}', to_port: '${var.port}', ...world }))).toEqual(['unknown']);
  });
  it('aws_vpc_security_group_ingress_rule: fires on memcached over udp, quiet on 443, unknown on a CIDR expression', () => {
    const r = (body: Record<string, unknown>) => findingsFor(rule, 'aws_vpc_security_group_ingress_rule', { security_group_id: 'sg-1', ...body });
    expect(kinds(r({ ip_protocol: 'udp', from_port: 11211, to_port: 11211, cidr_ipv4: '0.0.0.0/0' }))).toEqual(['violation']);
    expect(r({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' })).toEqual([]);
    expect(kinds(r({ ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: '${var.c}' }))).toEqual(['unknown']);
  });
});
