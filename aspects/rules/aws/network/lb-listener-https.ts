/** Internet-facing load balancer listeners speak HTTPS/TLS, or only redirect plain HTTP to HTTPS. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blocks, describeExpression, stringAttr } from '../../../engine/values';
import { awsLoadBalancerExposure } from '../../common/public-exposure';
import { LISTENER_TYPES, listenerLoadBalancer, listenerProtocol } from './load-balancers';

export const lbListenerHttps = defineRule({
  id: 'lb-listener-https',
  title: 'Load balancer listeners use HTTPS or TLS, or redirect HTTP to HTTPS',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: LISTENER_TYPES,
  rationale:
    'Plain HTTP (and TCP/UDP passed through unencrypted by the load balancer) exposes session cookies, ' +
    'credentials and data to anyone on the path, and lets them inject content. A port-80 listener is fine only ' +
    'as a redirect to HTTPS. Listeners of a load balancer in this stack that is internal are not covered. A TCP ' +
    'listener in front of targets that terminate TLS themselves is reported too: the load balancer cannot ' +
    'vouch for that, so record it as a suppression with its reason.',
  fix:
    'Use `protocol = "HTTPS"` (ALB) or `"TLS"` (NLB) with a certificate, or make the HTTP listener\'s ' +
    'default_action `{ type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }`.',
  references: { checkov: ['CKV_AWS_2'] },
  examples: {
    failing: { resourceType: 'aws_lb_listener', body: { load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/web/1', port: 80, protocol: 'HTTP', default_action: { type: 'forward', target_group_arn: 'arn:tg' } } },
    passing: {
      resourceType: 'aws_lb_listener',
      body: {
        load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/web/1',
        port: 80,
        protocol: 'HTTP',
        default_action: { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } },
      },
    },
  },
  check(resource, context) {
    const protocol = listenerProtocol(resource);
    if (protocol.state === 'unknown') return unknownValue('protocol', protocol);
    if (protocol.value === 'HTTPS' || protocol.value === 'TLS') return pass(`protocol = ${protocol.value}`, 'protocol');
    if (protocol.value === 'GENEVE') return notApplicable('a gateway load balancer listener carries encapsulated traffic to appliances');
    const result = protocol.value === 'HTTP' ? redirectsToHttps(resource) : violation(`protocol ${protocol.value} is not encrypted by the load balancer`, 'protocol');
    if (result.status === 'pass') return result;

    const lb = listenerLoadBalancer(resource, context);
    const exposure = lb ? awsLoadBalancerExposure(lb) : undefined;
    if (lb && exposure?.state === 'known' && !exposure.value) return notApplicable(`${lb.address} is internal (${exposure.why})`);
    if (lb && exposure?.state === 'unknown' && result.status === 'violation') {
      return unknown(`${result.message}, and whether ${lb.address} is internet-facing is not known (${exposure.expression})`, result.attribute);
    }
    return result;
  },
});

/** An HTTP listener passes only when its default action redirects to HTTPS. */
function redirectsToHttps(listener: ResourceRecord): CheckResult {
  const actions = blocks(listener.body, 'default_action');
  if (actions.unknownExpression) return unknown(`default_action is ${describeExpression(actions.unknownExpression)}`, 'default_action');
  let undecided: CheckResult | undefined;
  for (const action of actions.occurrences) {
    const type = stringAttr(action.body, 'type');
    if (type.state === 'unknown') undecided ??= unknownValue(`${action.path}.type`, type);
    if (type.state !== 'known' || type.value !== 'redirect') continue;
    const redirect = blocks(action.body, 'redirect');
    if (redirect.unknownExpression) undecided ??= unknown(`${action.path}.redirect is ${describeExpression(redirect.unknownExpression)}`, `${action.path}.redirect`);
    for (const r of redirect.occurrences) {
      const target = stringAttr(r.body, 'protocol');
      const path = `${action.path}.${r.path}.protocol`;
      const mayBeNone = action.mayBeNone ?? r.mayBeNone;
      if (target.state === 'known' && target.value.toUpperCase() === 'HTTPS') {
        if (mayBeNone === undefined) return pass('an HTTP listener that redirects to HTTPS', path);
        // The redirect comes from a dynamic block that may produce none.
        undecided ??= unknown(`${action.path}.${r.path} redirects to HTTPS, but its dynamic for_each (${describeExpression(mayBeNone)}) may be empty`, path);
      }
      if (target.state === 'unknown') undecided ??= unknownValue(path, target);
    }
  }
  return undecided ?? violation('an HTTP listener must only redirect to HTTPS, but its default_action does not', 'default_action');
}
