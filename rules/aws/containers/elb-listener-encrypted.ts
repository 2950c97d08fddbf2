/** Internet-facing classic load balancers speak HTTPS or SSL to clients. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { boolAttr, describeExpression, numberAttr, stringAttr, type BlockOccurrence } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';

export const elbListenerEncrypted = defineRule({
  id: 'elb-listener-encrypted',
  title: 'Internet-facing classic load balancers listen with HTTPS or SSL',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_elb'],
  rationale:
    'An HTTP listener on an internet-facing classic load balancer carries cookies, credentials and data in ' +
    'clear text across the internet, and a classic load balancer cannot redirect to HTTPS. As for ' +
    'lb-listener-https: a TCP listener passes bytes through, encrypted or not end to end between client and ' +
    'instance, so it is not covered, except on port 80, plain HTTP by convention. A load balancer with ' +
    'internal = true is not covered; unset means internet-facing.',
  fix:
    'Use `lb_protocol = "https"` (or "ssl") with an ACM `ssl_certificate_id`; better, move to an application ' +
    'load balancer, which can redirect port 80 to HTTPS.',
  references: {
    checkov: ['CKV_AWS_127'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_127',
        kind: 'different',
        why:
          'checkov requires an ssl_certificate_id on every listener; here the client-facing lb_protocol is read: HTTP, and TCP on port 80, are ' +
          'reported on internet-facing load balancers, other TCP listeners (end-to-end encryption) and internal load balancers are not.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_elb',
      body: { name: 'web', listener: [{ lb_port: 80, lb_protocol: 'http', instance_port: 8080, instance_protocol: 'http' }] },
    },
    passing: {
      resourceType: 'aws_elb',
      body: {
        name: 'web',
        listener: [
          { lb_port: 443, lb_protocol: 'https', instance_port: 8080, instance_protocol: 'http', ssl_certificate_id: '${aws_acm_certificate.web.arn}' },
        ],
      },
    },
  },
  check(resource) {
    const internal = boolAttr(resource.body, 'internal');
    if (internal.state === 'known' && internal.value) return notApplicable('an internal load balancer');
    const results = forEachBlock(resource.body, 'listener', listenerResult);
    if (internal.state !== 'unknown') return results;
    return results.map((r) =>
      r.status === 'violation'
        ? unknown(`${r.message}, and whether it is internet-facing is not known (internal is ${describeExpression(internal.expression)})`, r.attribute)
        : r,
    );
  },
});

function listenerResult(listener: BlockOccurrence): CheckResult {
  const at = (key: string) => `${listener.path}.${key}`;
  const protocol = stringAttr(listener.body, 'lb_protocol');
  if (protocol.state === 'unknown') return unknownValue(at('lb_protocol'), protocol);
  if (protocol.state === 'absent') return unknown(`${at('lb_protocol')} is not set (Terraform requires it)`, at('lb_protocol'));
  const name = protocol.value.trim().toUpperCase();
  if (name === 'HTTPS' || name === 'SSL') return pass(`${at('lb_protocol')} = ${protocol.value}`, at('lb_protocol'));
  if (name !== 'TCP') return violation(`${listener.path} listens with ${protocol.value}: traffic from the internet is not encrypted`, at('lb_protocol'));
  const port = numberAttr(listener.body, 'lb_port');
  if (port.state === 'unknown')
    return unknown(`a TCP listener on port 80 would carry plain HTTP, and ${at('lb_port')} is ${describeExpression(port.expression)}`, at('lb_port'));
  if (port.state === 'known' && port.value === 80) return violation(`${listener.path} is a TCP listener on port 80: plain HTTP passed through`, at('lb_port'));
  return notApplicable(`${listener.path} is a TCP listener: its encryption is end to end, between client and instance`);
}
