/** Instances use dedicated EBS bandwidth. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';
import { checkWithLaunchTemplate, isSet } from './launch-template';

export const instanceEbsOptimized = defineRule({
  id: 'instance-ebs-optimized',
  title: 'Instances are EBS-optimized',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
  rationale:
    'Without dedicated EBS bandwidth, disk and network traffic compete: a traffic flood (or a noisy process) ' +
    'starves disk I/O and the host stalls, an availability risk. Most current instance types are ' +
    'EBS-optimized anyway; saying so makes the choice explicit and fails loudly on types that are not.',
  fix: 'Set `ebs_optimized = true` (on the instance, or in its launch template).',
  references: {
    checkov: ['CKV_AWS_135'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_135',
        kind: 'looser',
        why:
          'both require ebs_optimized = true to be stated (unset fails), but an instance that leaves it unset passes here when its launch template in ' +
          'the stack sets it, as EC2 then launches it EBS-optimized; checkov reads only the instance. aws_spot_instance_request is covered as well.',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } },
    passing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', ebs_optimized: true } },
  },
  check: (resource, context) =>
    checkWithLaunchTemplate(resource, context, isSet('ebs_optimized'), (body) =>
      requireBool(body, 'ebs_optimized', 'EBS optimization', { defaultValue: false }),
    ),
});
