/** Instances get AWS credentials from an instance profile, never from static keys. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { forEachBlock, requirePresent } from '../../common/shapes';
import { checkWithLaunchTemplate, isSet } from './launch-template';

export const instanceProfileRequired = defineRule({
  id: 'instance-profile-required',
  title: 'Instances have an IAM instance profile',
  severity: 'error',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
  rationale:
    'An instance without a role has no rotating credentials, so anything on it that needs AWS (pulling a ' +
    'secret, writing logs, SSM Session Manager instead of SSH) ends up with static access keys in user data, ' +
    'files or environment variables, which leak and never expire. A profile with a least-privilege role ' +
    'makes static keys unnecessary.',
  fix: 'Set `iam_instance_profile` to an aws_iam_instance_profile whose role has only what the host needs (e.g. AmazonSSMManagedInstanceCore).',
  references: {
    checkov: ['CKV2_AWS_41'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_41',
        kind: 'different',
        why: 'also covers aws_spot_instance_request, and an instance whose launch template sets iam_instance_profile passes (checkov fails it because the instance itself sets none)',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } },
    passing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', iam_instance_profile: 'relay' } },
  },
  check: (resource, context) =>
    checkWithLaunchTemplate(resource, context, isSet('iam_instance_profile'), (body, source) =>
      source === 'instance'
        ? requirePresent(body, 'iam_instance_profile', 'an instance profile')
        : forEachBlock(body, 'iam_instance_profile', templateProfile, violation('no iam_instance_profile block', 'iam_instance_profile')),
    ),
});

/** A launch template names its profile by `name` or `arn`. */
function templateProfile(block: { body: Record<string, unknown>; path: string }): CheckResult {
  const results = ['name', 'arn'].map((key) => requirePresent(block.body, key, 'an instance profile', { path: block.path }));
  return (
    results.find((r) => r.status === 'pass') ??
    results.find((r) => r.status === 'unknown') ??
    violation(`${block.path} names no profile (neither name nor arn)`, block.path)
  );
}
