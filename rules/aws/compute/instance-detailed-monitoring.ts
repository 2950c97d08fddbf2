/** Instances publish one-minute CloudWatch metrics. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireBool } from '../../common/shapes';
import { checkWithLaunchTemplate, isSet } from './launch-template';

export const instanceDetailedMonitoring = defineRule({
  id: 'instance-detailed-monitoring',
  title: 'Instances have detailed (one-minute) monitoring',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
  rationale:
    'Basic monitoring reports every five minutes, too coarse to alarm on a CPU spike from a cryptominer, a ' +
    'traffic burst from exfiltration or a crash loop before it has done its damage.',
  fix: 'Set `monitoring = true` on the instance (or `monitoring { enabled = true }` in its launch template).',
  references: {
    checkov: ['CKV_AWS_126'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_126',
        kind: 'stricter',
        why: "also covers aws_spot_instance_request and reads monitoring from the instance's launch template; checkov checks monitoring on aws_instance only",
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } },
    passing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', monitoring: true } },
  },
  check: (resource, context) =>
    checkWithLaunchTemplate(resource, context, isSet('monitoring'), (body, source) =>
      source === 'instance'
        ? requireBool(body, 'monitoring', 'detailed monitoring', { defaultValue: false })
        : forEachBlock(
            body,
            'monitoring',
            (block) => requireBool(block.body, 'enabled', 'detailed monitoring', { path: block.path, defaultValue: false }),
            violation('detailed monitoring is off (no monitoring block)', 'monitoring'),
          ),
    ),
});
