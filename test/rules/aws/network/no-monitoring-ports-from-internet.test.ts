import { noMonitoringPortsFromInternet as rule } from '../../../../rules/aws/network/no-monitoring-ports-from-internet';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const world = { cidr_blocks: ['0.0.0.0/0'] };
const sg = (...ingress: Record<string, unknown>[]) => findingsFor(rule, 'aws_security_group', { ingress });

describe('no-monitoring-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  it('aws_security_group: fires on node exporter, Prometheus and Grafana from the internet', () => {
    expect(kinds(sg({ protocol: 'tcp', from_port: 9100, to_port: 9100, ...world }))).toEqual(['violation']);
    expect(kinds(sg({ protocol: 'tcp', from_port: 9090, to_port: 9093, ipv6_cidr_blocks: ['::/0'] }))).toEqual(['violation']);
    expect(sg({ protocol: 'tcp', from_port: 3000, to_port: 3000, ...world })[0].message).toContain('3000 (Grafana)');
  });
  it('aws_security_group: stays quiet on the tailnet range and on 443 from the internet', () => {
    expect(
      sg({ protocol: 'tcp', from_port: 9100, to_port: 9100, cidr_blocks: ['100.64.0.0/10'] }, { protocol: 'tcp', from_port: 443, to_port: 443, ...world }),
    ).toEqual([]);
  });
  it('aws_security_group: is unknown when the CIDR list is an expression', () => {
    expect(kinds(sg({ protocol: 'tcp', from_port: 9100, to_port: 9100, cidr_blocks: '${var.cidrs}' }))).toEqual(['unknown']);
  });
  it('aws_security_group: reads dynamic blocks', () => {
    const body = { dynamic: { ingress: { content: { protocol: 'tcp', from_port: 9090, to_port: 9090, ...world } } } };
    expect(kinds(findingsFor(rule, 'aws_security_group', body))).toEqual(['violation']);
  });
  it('aws_security_group_rule: fires from 0.0.0.0/0, quiet as egress, unknown on a protocol expression', () => {
    const r = (body: Record<string, unknown>) =>
      findingsFor(rule, 'aws_security_group_rule', { security_group_id: 'sg-1', from_port: 9100, to_port: 9100, ...body });
    expect(kinds(r({ type: 'ingress', protocol: 'tcp', ...world }))).toEqual(['violation']);
    expect(r({ type: 'egress', protocol: 'tcp', ...world })).toEqual([]);
    expect(kinds(r({ type: 'ingress', protocol: '${var.p}', ...world }))).toEqual(['unknown']);
  });
  it('aws_vpc_security_group_ingress_rule: fires from ::/0, quiet from the tailnet, unknown on cidr_ipv6 expression', () => {
    const r = (body: Record<string, unknown>) =>
      findingsFor(rule, 'aws_vpc_security_group_ingress_rule', { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 9100, to_port: 9100, ...body });
    expect(kinds(r({ cidr_ipv6: '::/0' }))).toEqual(['violation']);
    expect(r({ cidr_ipv4: '100.64.0.0/10' })).toEqual([]);
    expect(kinds(r({ cidr_ipv6: '${var.v6}' }))).toEqual(['unknown']);
  });
});
