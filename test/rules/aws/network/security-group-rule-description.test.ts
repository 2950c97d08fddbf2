import { securityGroupRuleDescription as rule } from '../../../../rules/aws/network/security-group-rule-description';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const block = { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] };

describe('security-group-rule-description', () => {
  itHonoursItsExamples(rule);

  it('aws_security_group: fires on every ingress and egress block without a description (null, missing or blank)', () => {
    const found = findingsFor(rule, 'aws_security_group', {
      ingress: [
        { ...block, description: null },
        { ...block, description: 'HTTPS' },
      ],
      egress: [{ ...block, description: '  ' }],
    });
    expect(found.map((v) => v.attribute)).toEqual(['ingress[0].description', 'egress[0].description']);
  });
  it('aws_security_group: stays quiet when every block is described, and when there are no blocks', () => {
    expect(findingsFor(rule, 'aws_security_group', { ingress: [{ ...block, description: 'a' }], egress: [{ ...block, description: 'b' }] })).toEqual([]);
    expect(findingsFor(rule, 'aws_security_group', { name: 'x', egress: [] })).toEqual([]);
  });
  it('aws_security_group: reads dynamic blocks (an iterator description may be empty: unknown)', () => {
    expect(kinds(findingsFor(rule, 'aws_security_group', { dynamic: { egress: { content: block } } }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_security_group', { dynamic: { egress: { content: { ...block, description: '${egress.value.why}' } } } }))).toEqual([
      'unknown',
    ]);
    expect(findingsFor(rule, 'aws_security_group', { dynamic: { egress: { content: { ...block, description: 'to the tailnet' } } } })).toEqual([]);
  });
  it('aws_security_group: is unknown when the ingress list is an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_security_group', { ingress: '${local.rules}' }))).toEqual(['unknown']);
  });
  for (const type of ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
    it(`${type}: fires without a description, quiet with one, unknown when it is a variable`, () => {
      expect(kinds(findingsFor(rule, type, { security_group_id: 'sg-1' }))).toEqual(['violation']);
      expect(findingsFor(rule, type, { security_group_id: 'sg-1', description: 'HTTPS from the ALB' })).toEqual([]);
      expect(kinds(findingsFor(rule, type, { security_group_id: 'sg-1', description: '${var.why}' }))).toEqual(['unknown']);
    });
  }
});
