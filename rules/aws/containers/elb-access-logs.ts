/** Classic load balancers write access logs. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { forEachBlock, requireBool, requirePresent } from '../../common/shapes';

export const elbAccessLogs = defineRule({
  id: 'elb-access-logs',
  title: 'Classic load balancers write access logs',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['aws_elb'],
  rationale:
    'Access logs are the record of client addresses, requests and response codes at the edge, what an ' +
    'investigation needs to see who probed or exploited the application. A classic load balancer writes none ' +
    'without an access_logs block (whose `enabled` defaults to true). Strict, like lb-access-logs: logging is ' +
    'detection, not prevention, and costs storage.',
  fix: 'Add `access_logs { bucket = "<log bucket>" }` (the bucket policy must allow ELB log delivery).',
  references: {
    checkov: ['CKV_AWS_92'],
    docs: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html'],
  },
  examples: {
    failing: { resourceType: 'aws_elb', body: { name: 'web', internal: true } },
    passing: { resourceType: 'aws_elb', body: { name: 'web', internal: true, access_logs: { bucket: 'elb-logs' } } },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'access_logs',
      (block): CheckResult[] => [
        requireBool(block.body, 'enabled', 'access logging', { path: block.path, defaultValue: true }),
        requirePresent(block.body, 'bucket', 'an access log bucket', { path: block.path }),
      ],
      violation('no access_logs block: access logging is off', 'access_logs'),
    );
  },
});
