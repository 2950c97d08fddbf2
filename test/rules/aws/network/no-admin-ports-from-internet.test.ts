import { noAdminPortsFromInternet as rule } from '../../../../rules/aws/network/no-admin-ports-from-internet';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const sg = (...ingress: Record<string, unknown>[]) => findingsFor(rule, 'aws_security_group', { ingress });
const tcp = (from: number, to: number, extra: Record<string, unknown>) => ({ protocol: 'tcp', from_port: from, to_port: to, ...extra });
const world = { cidr_blocks: ['0.0.0.0/0'] };

describe('no-admin-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  describe('aws_security_group (inline ingress)', () => {
    it('fires on SSH from 0.0.0.0/0 and names the port', () => {
      const found = sg(tcp(22, 22, world));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('22 (SSH)');
      expect(found[0].attribute).toBe('ingress[0].cidr_blocks');
    });
    it('fires on RDP from ::/0', () => expect(kinds(sg(tcp(3389, 3389, { ipv6_cidr_blocks: ['::/0'] })))).toEqual(['violation']));
    it('fires on a port range that includes 22', () => expect(kinds(sg(tcp(20, 30, world)))).toEqual(['violation']));
    it('leaves protocol -1 / "all" and a 0-65535 range to no-all-ports-from-internet: one opening, one finding', () => {
      expect(sg({ protocol: '-1', from_port: 0, to_port: 0, ...world })).toEqual([]);
      expect(sg({ protocol: 'all', from_port: 0, to_port: 0, ...world })).toEqual([]);
      expect(sg(tcp(0, 65535, world))).toEqual([]);
      // …but still reports a range that includes 22 without being every port, and an every-port opening whose source is a known non-internet one stays quiet.
      expect(kinds(sg(tcp(2, 65535, world)))).toEqual(['violation']);
      expect(kinds(sg({ protocol: '-1', from_port: 0, to_port: 0, ...world }, tcp(22, 22, world)))).toEqual(['violation']);
    });
    it('fires on numeric protocol 6 (tcp) and on WinRM', () =>
      expect(kinds(sg({ protocol: '6', from_port: 5985, to_port: 5986, ...world }))).toEqual(['violation']));
    it('fires on an internet-wide range such as 0.0.0.0/1', () => expect(kinds(sg(tcp(22, 22, { cidr_blocks: ['0.0.0.0/1'] })))).toEqual(['violation']));
    it('fires once per offending block', () =>
      expect(kinds(sg(tcp(22, 22, world), tcp(443, 443, world), tcp(3389, 3389, world)))).toEqual(['violation', 'violation']));
    it('stays quiet on 443 from the internet, a range that stops short of 22, and ICMP', () => {
      expect(sg(tcp(443, 443, world), tcp(23, 80, world), { protocol: 'icmp', from_port: -1, to_port: -1, ...world })).toEqual([]);
    });
    it('stays quiet when the source is a private CIDR, a security group, itself or a prefix list', () => {
      expect(
        sg(
          tcp(22, 22, { cidr_blocks: ['10.0.0.0/8'] }),
          tcp(22, 22, { security_groups: ['sg-bastion'] }),
          tcp(22, 22, { self: true }),
          tcp(22, 22, { prefix_list_ids: ['pl-123'] }),
        ),
      ).toEqual([]);
    });
    it('stays quiet without ingress', () => expect(findingsFor(rule, 'aws_security_group', { name: 'x' })).toEqual([]));
    it('is unknown when the CIDR list, one CIDR, a port or the protocol is an expression', () => {
      expect(kinds(sg(tcp(22, 22, { cidr_blocks: '${var.cidrs}' })))).toEqual(['unknown']);
      expect(kinds(sg(tcp(22, 22, { cidr_blocks: ['10.0.0.0/8', '${var.office}'] })))).toEqual(['unknown']);
      expect(kinds(sg(tcp(22, 22, { ipv6_cidr_blocks: ['${var.v6}'] })))).toEqual(['unknown']);
      expect(kinds(sg({ protocol: 'tcp', from_port: '${var.port}', to_port: 22, ...world }))).toEqual(['unknown']);
      expect(kinds(sg({ protocol: 'tcp', from_port: 22, to_port: '${var.port}', ...world }))).toEqual(['unknown']);
      expect(kinds(sg({ protocol: '${var.proto}', from_port: 22, to_port: 22, ...world }))).toEqual(['unknown']);
    });
    it('is unknown when the whole ingress list is an expression', () => {
      expect(kinds(findingsFor(rule, 'aws_security_group', { ingress: '${local.rules}' }))).toEqual(['unknown']);
    });
    it('reads dynamic ingress blocks: literal content fires, iterator values are unknown', () => {
      const literal = { dynamic: { ingress: { for_each: '${var.x}', content: tcp(22, 22, world) } } };
      expect(kinds(findingsFor(rule, 'aws_security_group', literal))).toEqual(['violation']);
      const iterated = { dynamic: { ingress: { for_each: '${var.rules}', content: tcp(22, 22, { cidr_blocks: '${ingress.value.cidrs}' }) } } };
      expect(kinds(findingsFor(rule, 'aws_security_group', iterated))).toEqual(['unknown']);
    });
  });

  describe('aws_security_group_rule', () => {
    const rule_ = (body: Record<string, unknown>) => findingsFor(rule, 'aws_security_group_rule', { security_group_id: 'sg-1', ...body });
    it('fires on an ingress rule opening 22 to the internet', () => expect(kinds(rule_({ type: 'ingress', ...tcp(22, 22, world) }))).toEqual(['violation']));
    it('stays quiet on egress and on a rule from another security group', () => {
      expect(rule_({ type: 'egress', ...tcp(22, 22, world) })).toEqual([]);
      expect(rule_({ type: 'ingress', ...tcp(22, 22, { source_security_group_id: 'sg-2' }) })).toEqual([]);
    });
    it('is unknown when type is an expression', () => expect(kinds(rule_({ type: '${var.t}', ...tcp(22, 22, world) }))).toEqual(['unknown']));
  });

  describe('aws_vpc_security_group_ingress_rule', () => {
    const vpcRule = (body: Record<string, unknown>) => findingsFor(rule, 'aws_vpc_security_group_ingress_rule', { security_group_id: 'sg-1', ...body });
    it('fires on cidr_ipv4 0.0.0.0/0 to 22 and on ip_protocol -1 (no ports)', () => {
      expect(kinds(vpcRule({ ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' }))).toEqual(['violation']);
      // ip_protocol -1 opens every port: no-all-ports-from-internet reports it.
      expect(vpcRule({ ip_protocol: '-1', cidr_ipv6: '::/0' })).toEqual([]);
    });
    it('stays quiet on a referenced security group or a private CIDR', () => {
      expect(vpcRule({ ip_protocol: 'tcp', from_port: 22, to_port: 22, referenced_security_group_id: 'sg-2' })).toEqual([]);
      expect(vpcRule({ ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '100.64.0.0/10' })).toEqual([]);
    });
    it('is unknown when the CIDR or the protocol is an expression', () => {
      expect(kinds(vpcRule({ ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '${var.cidr}' }))).toEqual(['unknown']);
      expect(kinds(vpcRule({ ip_protocol: '${var.p}', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' }))).toEqual(['unknown']);
    });
  });
});
