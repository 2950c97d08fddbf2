import { noAllPortsFromInternet as rule } from '../../../../rules/aws/network/no-all-ports-from-internet';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const world = { cidr_blocks: ['0.0.0.0/0'] };
const sg = (...ingress: Record<string, unknown>[]) => findingsFor(rule, 'aws_security_group', { ingress });

describe('no-all-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  it('aws_security_group: fires on protocol -1 and on tcp/udp 0-65535 from the internet (ipv4 and ipv6)', () => {
    expect(kinds(sg({ protocol: '-1', from_port: 0, to_port: 0, ...world }))).toEqual(['violation']);
    expect(kinds(sg({ protocol: 'tcp', from_port: 0, to_port: 65535, ...world }))).toEqual(['violation']);
    expect(kinds(sg({ protocol: 'udp', from_port: 1, to_port: 65535, ipv6_cidr_blocks: ['::/0'] }))).toEqual(['violation']);
  });
  it('aws_security_group: stays quiet on a single port, a partial range, all traffic from a private range, and ICMP', () => {
    expect(
      sg(
        { protocol: 'tcp', from_port: 443, to_port: 443, ...world },
        { protocol: 'tcp', from_port: 1024, to_port: 65535, ...world },
        { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/8'] },
        { protocol: '-1', from_port: 0, to_port: 0, self: true },
        { protocol: 'icmp', from_port: -1, to_port: -1, ...world },
      ),
    ).toEqual([]);
  });
  it('aws_security_group: is unknown when the protocol or a port is an expression', () => {
    expect(kinds(sg({ protocol: '${var.p}', from_port: 0, to_port: 0, ...world }))).toEqual(['unknown']);
    expect(kinds(sg({ protocol: 'tcp', from_port: 0, to_port: '${var.to}', ...world }))).toEqual(['unknown']);
  });
  it('aws_security_group: reads dynamic blocks', () => {
    const body = { dynamic: { ingress: [{ for_each: '${var.x}', content: { protocol: '-1', from_port: 0, to_port: 0, ...world } }] } };
    expect(kinds(findingsFor(rule, 'aws_security_group', body))).toEqual(['violation']);
  });
  it('aws_security_group_rule: fires on ingress -1 from the internet, quiet on egress, unknown on a CIDR expression', () => {
    const r = (body: Record<string, unknown>) =>
      findingsFor(rule, 'aws_security_group_rule', { security_group_id: 'sg-1', protocol: '-1', from_port: 0, to_port: 0, ...body });
    expect(kinds(r({ type: 'ingress', ...world }))).toEqual(['violation']);
    expect(r({ type: 'egress', ...world })).toEqual([]);
    expect(kinds(r({ type: 'ingress', cidr_blocks: ['${var.cidr}'] }))).toEqual(['unknown']);
  });
  it('aws_vpc_security_group_ingress_rule: fires on ip_protocol -1 from ::/0, quiet on tcp 443, unknown on cidr expression', () => {
    const r = (body: Record<string, unknown>) => findingsFor(rule, 'aws_vpc_security_group_ingress_rule', { security_group_id: 'sg-1', ...body });
    expect(kinds(r({ ip_protocol: '-1', cidr_ipv6: '::/0' }))).toEqual(['violation']);
    expect(r({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' })).toEqual([]);
    expect(kinds(r({ ip_protocol: '-1', cidr_ipv4: '${var.cidr}' }))).toEqual(['unknown']);
  });
});
