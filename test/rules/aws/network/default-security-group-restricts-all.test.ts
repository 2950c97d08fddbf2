import { defaultSecurityGroupRestrictsAll as rule } from '../../../../rules/aws/network/default-security-group-restricts-all';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const vpc = { cidr_block: '10.0.0.0/16' };
const adopted = { aws_default_security_group: { default: { vpc_id: '${aws_vpc.subject.id}' } } };

describe('default-security-group-restricts-all', () => {
  itHonoursItsExamples(rule);

  describe('aws_vpc', () => {
    it('fires when no aws_default_security_group manages its default group', () => {
      expect(kinds(findingsFor(rule, 'aws_vpc', vpc))).toEqual(['violation']);
      const other = { aws_default_security_group: { other: { vpc_id: '${aws_vpc.other.id}' } } };
      expect(kinds(findingsFor(rule, 'aws_vpc', vpc, { resource: other }))).toEqual(['violation']);
    });
    it('stays quiet when an aws_default_security_group references it (also with count index)', () => {
      expect(findings(rule, { resource: { aws_vpc: { subject: vpc }, ...adopted } })).toEqual([]);
      const indexed = { aws_default_security_group: { default: { vpc_id: '${aws_vpc.subject[0].id}' } } };
      expect(findings(rule, { resource: { aws_vpc: { subject: vpc }, ...indexed } })).toEqual([]);
    });
    it('is unknown when a default group vpc_id is an expression that is not a plain reference', () => {
      const opaque = { aws_default_security_group: { default: { vpc_id: '${var.vpc_id}' } } };
      expect(kinds(findingsFor(rule, 'aws_vpc', vpc, { resource: opaque }))).toEqual(['unknown']);
    });
    it('fires when a rule resource is attached through default_security_group_id', () => {
      const attached = {
        ...adopted,
        aws_vpc_security_group_ingress_rule: {
          open: { security_group_id: '${aws_vpc.subject.default_security_group_id}', ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' },
        },
      };
      const found = findings(rule, { resource: { aws_vpc: { subject: vpc }, ...attached } });
      expect(found.map((v) => v.address)).toEqual(['aws_vpc.subject']);
      expect(found[0].message).toContain('aws_vpc_security_group_ingress_rule.open');
    });
  });

  describe('aws_default_security_group', () => {
    const group = (body: Record<string, unknown>, extra = {}) =>
      findings(rule, { resource: { aws_vpc: { main: vpc }, aws_default_security_group: { subject: { vpc_id: '${aws_vpc.main.id}', ...body } }, ...extra } });
    it('fires on each ingress or egress block, including self-referencing ones', () => {
      expect(
        kinds(
          group({
            ingress: [{ protocol: '-1', from_port: 0, to_port: 0, self: true }],
            egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }],
          }),
        ),
      ).toEqual(['violation', 'violation']);
    });
    it('stays quiet with no rules, or empty rule lists', () => {
      expect(group({})).toEqual([]);
      expect(group({ ingress: [], egress: [] })).toEqual([]);
    });
    it('is unknown when ingress is an expression', () => expect(kinds(group({ ingress: '${var.rules}' }))).toEqual(['unknown']));
    it('reads dynamic blocks', () =>
      expect(kinds(group({ dynamic: { egress: { for_each: '${var.x}', content: { protocol: '-1' } } } }))).toEqual(['violation']));
    it('fires on an aws_security_group_rule attached to it', () => {
      const extra = {
        aws_security_group_rule: {
          r: { type: 'ingress', security_group_id: '${aws_default_security_group.subject.id}', protocol: 'tcp', from_port: 22, to_port: 22, self: true },
        },
      };
      const found = group({}, extra);
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('aws_security_group_rule.r');
    });
  });
});
