import { albDropInvalidHeaders as rule } from '../../../../rules/aws/network/alb-drop-invalid-headers';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('alb-drop-invalid-headers', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_lb', 'aws_alb']) {
    describe(type, () => {
      it('fires on an application load balancer (explicit or by default) that keeps invalid headers', () => {
        expect(kinds(findingsFor(rule, type, { name: 'web' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { name: 'web', load_balancer_type: 'application', drop_invalid_header_fields: false }))).toEqual(['violation']);
      });
      it('stays quiet when it drops them, and on network or gateway load balancers', () => {
        expect(findingsFor(rule, type, { name: 'web', drop_invalid_header_fields: true })).toEqual([]);
        expect(findingsFor(rule, type, { name: 'nlb', load_balancer_type: 'network' })).toEqual([]);
        expect(findingsFor(rule, type, { name: 'gw', load_balancer_type: 'gateway' })).toEqual([]);
      });
      it('is unknown when the flag or the type is an expression', () => {
        expect(kinds(findingsFor(rule, type, { name: 'web', drop_invalid_header_fields: '${var.drop}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { name: 'web', load_balancer_type: '${var.type}' }))).toEqual(['unknown']);
      });
    });
  }
});
