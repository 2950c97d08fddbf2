import { lbAccessLogs as rule } from '../../../../rules/aws/network/lb-access-logs';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('lb-access-logs', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_lb', 'aws_alb']) {
    describe(type, () => {
      const lb = (body: Record<string, unknown>) => findingsFor(rule, type, { name: 'web', ...body });
      it('fires with no access_logs block, with a bucket but enabled unset, and with enabled but no bucket', () => {
        expect(kinds(lb({}))).toEqual(['violation']);
        expect(kinds(lb({ access_logs: { bucket: 'logs' } }))).toEqual(['violation']);
        expect(kinds(lb({ access_logs: { enabled: true } }))).toEqual(['violation']);
      });
      it('stays quiet when enabled with a bucket (static or dynamic block), and on gateway load balancers', () => {
        expect(lb({ access_logs: { bucket: 'logs', enabled: true } })).toEqual([]);
        expect(lb({ access_logs: { bucket: '${aws_s3_bucket.logs.id}', enabled: 'true' } })).toEqual([]);
        expect(lb({ dynamic: { access_logs: { for_each: [1], content: { bucket: 'logs', enabled: true } } } })).toEqual([]);
        expect(kinds(lb({ dynamic: { access_logs: { for_each: '${var.logs}', content: { bucket: 'logs', enabled: true } } } }))).toEqual(['unknown']);
        expect(lb({ load_balancer_type: 'gateway' })).toEqual([]);
      });
      it('is unknown when enabled, the block, or (without logs) the type is an expression', () => {
        expect(kinds(lb({ access_logs: { bucket: 'logs', enabled: '${var.logs}' } }))).toEqual(['unknown']);
        expect(kinds(lb({ access_logs: '${local.logs}' }))).toEqual(['unknown']);
        expect(kinds(lb({ load_balancer_type: '${var.type}' }))).toEqual(['unknown']);
      });
    });
  }
});
