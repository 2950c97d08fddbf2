import { lbDeletionProtection as rule } from '../../../../rules/aws/network/lb-deletion-protection';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('lb-deletion-protection', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_lb', 'aws_alb']) {
    describe(type, () => {
      it('fires when deletion protection is unset (default false) or off, whatever the load balancer type', () => {
        expect(kinds(findingsFor(rule, type, { name: 'web' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { name: 'web', enable_deletion_protection: false }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { name: 'nlb', load_balancer_type: 'network', enable_deletion_protection: 'false' }))).toEqual(['violation']);
      });

      it('is quiet when it is on', () => {
        expect(findingsFor(rule, type, { name: 'web', enable_deletion_protection: true })).toEqual([]);
        expect(findingsFor(rule, type, { name: 'gw', load_balancer_type: 'gateway', enable_deletion_protection: 'true' })).toEqual([]);
      });

      it('is unknown when it is an expression', () => {
        expect(kinds(findingsFor(rule, type, { name: 'web', enable_deletion_protection: '${var.protect}' }))).toEqual(['unknown']);
      });
    });
  }
});
