import { naclNoAdminPortsFromInternet as rule } from '../../../../rules/aws/containers/nacl-no-admin-ports-from-internet';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';

const entry = (over: Record<string, unknown>) => ({
  rule_no: 100,
  action: 'allow',
  protocol: 'tcp',
  from_port: 22,
  to_port: 22,
  cidr_block: '0.0.0.0/0',
  ...over,
});
const aclRule = (over: Record<string, unknown>) => ({
  network_acl_id: '${aws_network_acl.main.id}',
  rule_number: 100,
  egress: false,
  rule_action: 'allow',
  protocol: '6',
  from_port: 22,
  to_port: 22,
  cidr_block: '0.0.0.0/0',
  ...over,
});

describe('nacl-no-admin-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_network_acl', 'aws_default_network_acl']) {
    describe(type, () => {
      it('fires for SSH, RDP, a range including them, or every protocol, from the internet', () => {
        expect(kinds(findingsFor(rule, type, { ingress: [entry({})] }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { ingress: [entry({ from_port: 3000, to_port: 4000 })] }))).toEqual(['violation']);
        expect(
          kinds(findingsFor(rule, type, { ingress: [entry({ protocol: '-1', from_port: 0, to_port: 0, cidr_block: undefined, ipv6_cidr_block: '::/0' })] })),
        ).toEqual(['violation']);
      });

      it('is quiet for other ports, narrow sources, deny entries, and allows overridden by earlier denies', () => {
        expect(
          findingsFor(rule, type, { ingress: [entry({ from_port: 443, to_port: 443 }), entry({ cidr_block: '10.0.0.0/16' }), entry({ action: 'deny' })] }),
        ).toEqual([]);
        expect(
          findingsFor(rule, type, {
            ingress: [
              entry({ rule_no: 90, action: 'deny', protocol: 'tcp', from_port: 0, to_port: 6000 }),
              entry({ rule_no: 100, protocol: '-1', from_port: 0, to_port: 0 }),
            ],
          }),
        ).toEqual([]);
      });

      it('still fires when the deny comes after, or covers only part', () => {
        expect(kinds(findingsFor(rule, type, { ingress: [entry({ rule_no: 200, action: 'deny' }), entry({ rule_no: 100 })] }))).toEqual(['violation']);
        expect(
          kinds(
            findingsFor(rule, type, { ingress: [entry({ rule_no: 90, action: 'deny', from_port: 22, to_port: 22 }), entry({ rule_no: 100, protocol: '-1' })] }),
          ),
        ).toEqual(['violation']);
      });

      it('is unknown for expressions', () => {
        expect(kinds(findingsFor(rule, type, { ingress: [entry({ cidr_block: '${var.cidr}' })] }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ingress: [entry({ to_port: '${var.port}' })] }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ingress: [entry({ action: '${var.action}' })] }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ingress: '${local.entries}' }))).toEqual(['unknown']);
      });
    });
  }

  describe('aws_network_acl_rule', () => {
    it('fires for an ingress rule opening SSH to the internet', () => {
      expect(kinds(findingsFor(rule, 'aws_network_acl_rule', aclRule({})))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_network_acl_rule', aclRule({ egress: undefined, protocol: 'all' })))).toEqual(['violation']);
    });

    it('is quiet for egress rules, other ports, and rules overridden by an earlier deny on the same ACL', () => {
      expect(findingsFor(rule, 'aws_network_acl_rule', aclRule({ egress: true }))).toEqual([]);
      expect(findingsFor(rule, 'aws_network_acl_rule', aclRule({ from_port: 443, to_port: 443 }))).toEqual([]);
      const deny = { resource: { aws_network_acl_rule: { deny: aclRule({ rule_number: 50, rule_action: 'deny', protocol: '-1' }) } } };
      expect(findingsFor(rule, 'aws_network_acl_rule', aclRule({}), deny)).toEqual([]);
      // A deny on another ACL does not count.
      const elsewhere = {
        resource: {
          aws_network_acl_rule: { deny: aclRule({ network_acl_id: '${aws_network_acl.other.id}', rule_number: 50, rule_action: 'deny', protocol: '-1' }) },
        },
      };
      expect(kinds(findingsFor(rule, 'aws_network_acl_rule', aclRule({}), elsewhere))).toEqual(['violation']);
    });

    it('is unknown for expressions', () => {
      expect(kinds(findingsFor(rule, 'aws_network_acl_rule', aclRule({ egress: '${var.egress}' })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_network_acl_rule', aclRule({ ipv6_cidr_block: '${var.v6}', cidr_block: undefined })))).toEqual(['unknown']);
    });
  });

  it('reports each resource on its own', () => {
    const doc = { resource: { aws_network_acl: { a: { ingress: [entry({})] }, b: { ingress: [entry({ from_port: 80, to_port: 80 })] } } } };
    expect(findings(rule, doc).map((v) => v.address)).toEqual(['aws_network_acl.a']);
  });
});
