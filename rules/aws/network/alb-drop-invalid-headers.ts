/** Application load balancers drop requests with invalid HTTP header names instead of forwarding them. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknownValue } from '../../../engine/results';
import { requireBool } from '../../common/shapes';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './load-balancers';

export const albDropInvalidHeaders = defineRule({
  id: 'alb-drop-invalid-headers',
  title: 'Application load balancers drop invalid HTTP header fields',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: LOAD_BALANCER_TYPES,
  rationale:
    'Header names the load balancer and the backend parse differently (underscores, odd characters) are the raw ' +
    'material of HTTP request smuggling and header-injection attacks that bypass routing rules and ' +
    'authentication in front of the application. Dropping them at the load balancer closes that gap.',
  fix: 'Set `drop_invalid_header_fields = true` on the application load balancer.',
  references: {
    checkov: ['CKV_AWS_131'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_131',
        kind: 'different',
        why: 'network and gateway load balancers are not applicable (checkov returns UNKNOWN for them), and an unresolved load_balancer_type is unknown rather than assumed application',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_lb', body: { name: 'web', load_balancer_type: 'application', internal: true } },
    passing: { resourceType: 'aws_lb', body: { name: 'web', load_balancer_type: 'application', internal: true, drop_invalid_header_fields: true } },
  },
  check(resource) {
    const type = loadBalancerType(resource);
    if (type.state === 'unknown') return unknownValue('load_balancer_type', type);
    if (type.state === 'known' && type.value !== 'application') return notApplicable(`a ${type.value} load balancer does not parse HTTP`);
    return requireBool(resource.body, 'drop_invalid_header_fields', 'dropping invalid header fields', { defaultValue: false });
  },
});
