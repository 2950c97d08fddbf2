import { lbListenerHttps as rule } from '../../../../rules/aws/network/lb-listener-https';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const forward = { type: 'forward', target_group_arn: 'arn:tg' };
const redirect = (protocol?: string) => ({ type: 'redirect', redirect: { ...(protocol ? { protocol } : {}), port: '443', status_code: 'HTTP_301' } });
const lbStack = (lb: Record<string, unknown>) => ({ resource: { aws_lb: { web: lb } } });

describe('lb-listener-https', () => {
  itHonoursItsExamples(rule);

  describe('NLB listeners as cdktf writes them (corpus: nlb-webrtc)', () => {
    // new Lb(this, 'media', { loadBalancerType: 'network', internal: false, … });
    // new LbListener(this, 'media-udp-10000', { loadBalancerArn: mediaNlb.arn, port: 10000, protocol: 'UDP', … });
    const nlb = { resource: { aws_lb: { media: { name: 'webrtc-media', internal: false, load_balancer_type: 'network', subnets: ['s-a', 's-b'] } } } };
    const on = (body: Record<string, unknown>) =>
      findingsFor(rule, 'aws_lb_listener', { load_balancer_arn: '${aws_lb.media.arn}', default_action: [forward], ...body }, nlb);
    it("media over UDP and TURN over UDP and TCP are not this rule's concern; TURN over TLS passes", () => {
      expect(on({ port: 10000, protocol: 'UDP' })).toEqual([]);
      expect(on({ port: 3478, protocol: 'UDP' })).toEqual([]);
      expect(on({ port: 3478, protocol: 'TCP' })).toEqual([]);
      expect(on({ port: 5349, protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', certificate_arn: '${var.certificate_arn}' })).toEqual([]);
    });
    it('plain HTTP on port 80 through the NLB is still reported', () => expect(kinds(on({ port: 80, protocol: 'TCP' }))).toEqual(['violation']));
  });

  for (const type of ['aws_lb_listener', 'aws_alb_listener']) {
    describe(type, () => {
      const listener = (body: Record<string, unknown>, extra = {}) =>
        findingsFor(rule, type, { load_balancer_arn: '${aws_lb.web.arn}', port: 80, default_action: forward, ...body }, extra);
      it('fires on HTTP that forwards, on unset protocol (HTTP), and on an HTTP redirect that keeps HTTP', () => {
        expect(kinds(listener({ protocol: 'HTTP' }))).toEqual(['violation']);
        expect(kinds(listener({}))).toEqual(['violation']);
        expect(kinds(listener({ protocol: 'HTTP', default_action: redirect() }))).toEqual(['violation']);
        expect(kinds(listener({ protocol: 'HTTP', default_action: redirect('HTTP') }))).toEqual(['violation']);
      });
      it('does not apply to NLB TCP / UDP / TCP_UDP listeners: what they carry is encrypted end to end, or not, beyond the load balancer', () => {
        for (const protocol of ['TCP', 'UDP', 'TCP_UDP', 'udp']) expect(listener({ protocol, port: 443 })).toEqual([]);
        expect(listener({ protocol: 'UDP', port: 80 })).toEqual([]);
        expect(listener({ protocol: 'TCP', port: '${var.port}' }, lbStack({ internal: true }))).toEqual([]);
      });
      it('…except TCP on port 80, plain HTTP by convention, which an NLB cannot redirect', () => {
        expect(kinds(listener({ protocol: 'TCP', port: 80 }))).toEqual(['violation']);
        expect(kinds(listener({ protocol: 'TCP_UDP', port: '80' }))).toEqual(['violation']);
        expect(kinds(listener({ protocol: 'TCP', port: '${var.port}' }))).toEqual(['unknown']);
        expect(listener({ protocol: 'TCP', port: 80 }, lbStack({ load_balancer_type: 'network', internal: true }))).toEqual([]);
      });
      it('anything else that is not encrypted fires', () => expect(kinds(listener({ protocol: 'SMTP' }))).toEqual(['violation']));
      it('stays quiet on HTTPS, TLS, and HTTP that redirects to HTTPS (also inside a dynamic block)', () => {
        expect(listener({ protocol: 'HTTPS', port: 443 })).toEqual([]);
        expect(listener({ protocol: 'tls', port: 443 })).toEqual([]);
        expect(listener({ protocol: 'HTTP', default_action: [redirect('HTTPS')] })).toEqual([]);
        expect(listener({ protocol: 'HTTP', default_action: undefined, dynamic: { default_action: { for_each: [1], content: redirect('HTTPS') } } })).toEqual(
          [],
        );
      });
      it('a redirect from a dynamic block whose for_each may be empty is unknown; an empty one is no redirect', () => {
        expect(
          kinds(listener({ protocol: 'HTTP', default_action: undefined, dynamic: { default_action: { for_each: '${var.a}', content: redirect('HTTPS') } } })),
        ).toEqual(['unknown']);
        expect(
          kinds(listener({ protocol: 'HTTP', default_action: undefined, dynamic: { default_action: { for_each: [], content: redirect('HTTPS') } } })),
        ).toEqual(['violation']);
      });
      it('is not applicable when its load balancer is in the stack and internal', () => {
        expect(listener({ protocol: 'HTTP' }, lbStack({ internal: true }))).toEqual([]);
        expect(kinds(listener({ protocol: 'HTTP' }, lbStack({ internal: false })))).toEqual(['violation']);
      });
      it('is unknown when the protocol, the action type, the redirect protocol or internal is an expression', () => {
        expect(kinds(listener({ protocol: '${var.protocol}' }))).toEqual(['unknown']);
        expect(kinds(listener({ protocol: 'HTTP', default_action: { type: '${var.t}' } }))).toEqual(['unknown']);
        expect(kinds(listener({ protocol: 'HTTP', default_action: redirect('${var.p}') }))).toEqual(['unknown']);
        expect(kinds(listener({ protocol: 'HTTP', default_action: '${local.actions}' }))).toEqual(['unknown']);
        expect(kinds(listener({ protocol: 'HTTP' }, lbStack({ internal: '${var.internal}' })))).toEqual(['unknown']);
      });
    });
  }
});
