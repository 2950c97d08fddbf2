/** Load balancers cannot be deleted by one API call or one `terraform destroy` / replacement. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';
import { LOAD_BALANCER_TYPES } from './load-balancers';

export const lbDeletionProtection = defineRule({
  id: 'lb-deletion-protection',
  title: 'Load balancers have deletion protection',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: LOAD_BALANCER_TYPES,
  rationale:
    'A load balancer is the entry point clients and DNS records point at; deleting it takes the service ' +
    'down, and a recreated one gets a new DNS name (and, for a network load balancer without its own ' +
    'Elastic IPs, new addresses) that everything pointing at it must learn again. A plan that replaces it ' +
    '(a changed name, scheme or type), a mistaken destroy, or stolen credentials can delete it in one call. ' +
    'Deletion protection makes that a deliberate two-step act.',
  fix: 'Set `enable_deletion_protection = true` (it defaults to false). Turn it off in a separate change when a load balancer really must go.',
  references: {
    docs: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection'],
  },
  examples: {
    failing: { resourceType: 'aws_lb', body: { name: 'web', internal: true } },
    passing: { resourceType: 'aws_lb', body: { name: 'web', internal: true, enable_deletion_protection: true } },
  },
  check(resource) {
    // Every kind of load balancer (application, network, gateway) supports it, so the type does not matter.
    return requireBool(resource.body, 'enable_deletion_protection', 'deletion protection', { defaultValue: false });
  },
});
