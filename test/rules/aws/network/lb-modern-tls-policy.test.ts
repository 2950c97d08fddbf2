import { lbModernTlsPolicy as rule } from '../../../../rules/aws/network/lb-modern-tls-policy';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('lb-modern-tls-policy', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_lb_listener', 'aws_alb_listener']) {
    describe(type, () => {
      const listener = (body: Record<string, unknown>) =>
        findingsFor(rule, type, {
          load_balancer_arn: 'arn:lb',
          port: 443,
          protocol: 'HTTPS',
          default_action: { type: 'forward', target_group_arn: 'arn:tg' },
          ...body,
        });
      it('fires when ssl_policy is unset (the 2016-08 default) and says so', () => {
        const found = listener({});
        expect(kinds(found)).toEqual(['violation']);
        expect(found[0].message).toContain('ELBSecurityPolicy-2016-08');
      });
      it('fires on TLS 1.0/1.1 policies, including the TLS13-1-0 one a prefix match would accept', () => {
        for (const policy of [
          'ELBSecurityPolicy-2016-08',
          'ELBSecurityPolicy-TLS-1-1-2017-01',
          'ELBSecurityPolicy-FS-2018-06',
          'ELBSecurityPolicy-TLS13-1-0-2021-06',
          'ELBSecurityPolicy-TLS13-1-1-2021-06',
        ]) {
          expect(kinds(listener({ ssl_policy: policy }))).toEqual(['violation']);
        }
      });
      it('stays quiet on TLS 1.2+ policies, for HTTPS and TLS listeners', () => {
        expect(listener({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' })).toEqual([]);
        expect(listener({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' })).toEqual([]);
        expect(listener({ protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10' })).toEqual([]);
      });
      it('does not apply to listeners that do not terminate TLS', () => {
        expect(listener({ protocol: 'HTTP', port: 80 })).toEqual([]);
        expect(listener({ protocol: 'TCP' })).toEqual([]);
      });
      it('is unknown when ssl_policy or protocol is an expression', () => {
        expect(kinds(listener({ ssl_policy: '${var.policy}' }))).toEqual(['unknown']);
        expect(kinds(listener({ protocol: '${var.protocol}', ssl_policy: 'ELBSecurityPolicy-2016-08' }))).toEqual(['unknown']);
      });
    });
  }
});
