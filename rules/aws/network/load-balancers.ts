/** What the listener and load-balancer rules share: a listener's protocol and the load balancer it belongs to. */
import type { RuleContext } from '../../../engine/rule';
import type { ResourceRecord } from '../../../engine/types';
import { referencedAddress, stringAttr, type Value } from '../../../engine/values';

export const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener'];
export const LOAD_BALANCER_TYPES = ['aws_lb', 'aws_alb'];

/**
 * The listener's protocol, upper-cased. Unset means HTTP for an application load balancer (the provider's
 * default); a network load balancer listener must set it.
 */
export function listenerProtocol(listener: ResourceRecord): Exclude<Value<string>, { state: 'absent' }> {
  const protocol = stringAttr(listener.body, 'protocol');
  if (protocol.state === 'known') return { state: 'known', value: protocol.value.toUpperCase() };
  if (protocol.state === 'absent') return { state: 'known', value: 'HTTP' };
  return protocol;
}

/** The load balancer a listener belongs to, when `load_balancer_arn` references one in this stack. */
export function listenerLoadBalancer(listener: ResourceRecord, context: RuleContext): ResourceRecord | undefined {
  const address = referencedAddress(listener.body.load_balancer_arn);
  const lb = address ? context.resourceAt(address) : undefined;
  return lb && LOAD_BALANCER_TYPES.includes(lb.type) ? lb : undefined;
}

/** `load_balancer_type`, defaulting to `application` as the provider does. */
export function loadBalancerType(lb: ResourceRecord): Value<string> {
  const type = stringAttr(lb.body, 'load_balancer_type');
  return type.state === 'absent' ? { state: 'known', value: 'application' } : type;
}
