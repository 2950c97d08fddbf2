/** Load balancers write access logs, the record of every request that reached the application. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { forEachBlock, requireBool, requirePresent } from '../../common/shapes';
import { LOAD_BALANCER_TYPES, loadBalancerType } from './load-balancers';

export const lbAccessLogs = defineRule({
  id: 'lb-access-logs',
  title: 'Load balancers write access logs',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: LOAD_BALANCER_TYPES,
  rationale:
    'Access logs are the only record of client addresses, paths, TLS versions and response codes at the edge: ' +
    'what an investigation needs to see who probed or exploited the application. The provider leaves them off ' +
    'even when a bucket is given, unless `enabled = true`.',
  fix: 'Add `access_logs { bucket = "<log bucket>", enabled = true }` (the bucket policy must allow ELB log delivery).',
  references: {
    checkov: ['CKV_AWS_91'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_91',
        kind: 'stricter',
        why: 'an enabled access_logs block must also name a bucket; a gateway load balancer is not applicable (checkov UNKNOWN), and an unresolved load_balancer_type is unknown',
      },
    ],
    docs: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html'],
  },
  examples: {
    failing: { resourceType: 'aws_lb', body: { name: 'web', internal: true } },
    passing: { resourceType: 'aws_lb', body: { name: 'web', internal: true, access_logs: { bucket: 'lb-logs', enabled: true } } },
  },
  check(resource) {
    const results = forEachBlock(
      resource.body,
      'access_logs',
      (block): CheckResult[] => [
        requireBool(block.body, 'enabled', 'access logging', { path: block.path, defaultValue: false }),
        requirePresent(block.body, 'bucket', 'an access log bucket', { path: block.path }),
      ],
      violation('no access_logs block: access logging is off', 'access_logs'),
    );
    if (results.every((r) => r.status === 'pass')) return results.length > 0 ? results : pass('access logs enabled');
    // Gateway load balancers have no access logs; only then is a missing block acceptable.
    const type = loadBalancerType(resource);
    if (type.state === 'known' && type.value === 'gateway') return notApplicable('gateway load balancers have no access logs');
    if (type.state === 'unknown')
      return unknown(`access logs are not enabled, and load_balancer_type is ${type.expression} (gateway load balancers have none)`, 'load_balancer_type');
    return results;
  },
});
