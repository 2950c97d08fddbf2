/** Internet-facing load balancer listeners speak HTTPS/TLS, or only redirect plain HTTP to HTTPS. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blocks, describeExpression, numberAttr, stringAttr } from '../../../engine/values';
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
    'Plain HTTP exposes session cookies, credentials and data to anyone on the path, and lets them inject ' +
    'content. A port-80 listener is fine only as a redirect to HTTPS. Listeners of a load balancer in this ' +
    'stack that is internal are not covered. A network load balancer has no HTTPS: its TLS listener is the ' +
    'equivalent and passes. Its TCP, UDP and TCP_UDP listeners (protocols an application load balancer does ' +
    'not accept, so the protocol alone says it is an NLB) pass bytes through, and what they carry is ' +
    'encrypted, or not, end to end between client and target: TLS terminated by the targets, DTLS-SRTP for ' +
    "WebRTC media, TURN's own message integrity. The load balancer can neither see nor change that, so this " +
    'rule does not apply to them; except TCP on port 80, which by convention is plain HTTP that an NLB cannot ' +
    'redirect (record targets that only redirect as a suppression with its reason).',
  fix:
    'Use `protocol = "HTTPS"` (ALB) or `"TLS"` (NLB) with a certificate, or make the HTTP listener\'s ' +
    'default_action `{ type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }`.',
  references: {
    checkov: ['CKV_AWS_2'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_2',
        kind: 'stricter',
        why: 'checkov passes every TCP, UDP and TCP_UDP listener; a TCP or TCP_UDP listener on port 80, plain HTTP by convention that an NLB cannot redirect, is reported here.',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_2',
        kind: 'looser',
        why: 'listeners of a load balancer in the stack that is internal (internal = true) are not covered: the rule is about traffic crossing the internet.',
      },
    ],
  },
  examples: {
    failing: {
      resourceType: 'aws_lb_listener',
      body: {
        load_balancer_arn: 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/web/1',
        port: 80,
        protocol: 'HTTP',
        default_action: { type: 'forward', target_group_arn: 'arn:tg' },
      },
    },
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
    const result = protocol.value === 'HTTP' ? redirectsToHttps(resource) : passThrough(resource, protocol.value);
    if (result.status === 'not-applicable') return result;
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

/** The NLB protocols that pass bytes through (an ALB accepts only HTTP and HTTPS). */
const PASS_THROUGH = ['TCP', 'UDP', 'TCP_UDP'];
/** The port whose TCP traffic is plain HTTP by convention. */
const PLAIN_HTTP_PORT = 80;

/**
 * An NLB TCP / UDP / TCP_UDP listener: not applicable (what it carries is encrypted end to end, or not, out
 * of the load balancer's sight), except TCP on port 80, plain HTTP by convention. Any other protocol is a
 * violation (one the provider would reject).
 */
function passThrough(listener: ResourceRecord, protocol: string): CheckResult {
  if (!PASS_THROUGH.includes(protocol)) return violation(`protocol ${protocol} is not encrypted by the load balancer`, 'protocol');
  const carriesTcp = protocol !== 'UDP';
  const port = numberAttr(listener.body, 'port');
  if (carriesTcp && port.state === 'unknown')
    return unknown(`a ${protocol} listener on port 80 would carry plain HTTP, and port is ${describeExpression(port.expression)}`, 'port');
  if (carriesTcp && port.state === 'known' && port.value === PLAIN_HTTP_PORT) {
    return violation(`a ${protocol} listener on port 80 passes plain HTTP through, and a network load balancer cannot redirect it to HTTPS`, 'port');
  }
  return notApplicable(`a network load balancer ${protocol} listener passes traffic through: its encryption is end to end, between client and target`);
}

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
    if (redirect.unknownExpression)
      undecided ??= unknown(`${action.path}.redirect is ${describeExpression(redirect.unknownExpression)}`, `${action.path}.redirect`);
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
