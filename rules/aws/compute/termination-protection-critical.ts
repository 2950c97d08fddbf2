/** Instances tagged critical cannot be terminated by one API call (or one mistaken `terraform destroy`). */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { describeExpression } from '../../../engine/values';
import { requireBool } from '../../common/shapes';
import { awsTags } from '../../common/tags';
import { checkWithLaunchTemplate, isSet } from './launch-template';

/** The tag that marks an instance as critical. */
export const CRITICAL_TAG = { key: 'critical', value: 'true' } as const;

export const terminationProtectionCritical = defineRule({
  id: 'termination-protection-critical',
  title: 'Instances tagged critical = "true" have termination protection',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
  rationale:
    'A critical host (a relay, a bastion, a stateful node) should survive a fat-fingered TerminateInstances, a ' +
    'script with the wrong filter, or a compromised principal with ec2:TerminateInstances but not ' +
    'ec2:ModifyInstanceAttribute. Termination protection turns that into a deliberate two-step operation. ' +
    'Instances without the tag (in their tags or the provider default_tags) are not covered.',
  fix: 'Set `disable_api_termination = true` on the instance (or in its launch template), or drop the critical tag if it is not critical.',
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', tags: { critical: 'true' } } },
    passing: {
      resourceType: 'aws_instance',
      body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', tags: { critical: 'true' }, disable_api_termination: true },
    },
  },
  check(resource, context) {
    const protection = checkWithLaunchTemplate(resource, context, isSet('disable_api_termination'), (body) =>
      requireBool(body, 'disable_api_termination', 'termination protection for a critical instance', { defaultValue: false }),
    );
    // Protected instances pass whatever their tags say; otherwise the tag decides whether that matters.
    if (protection.every((r) => r.status === 'pass')) return protection;
    return isCritical(resource, context) ?? protection;
  },
});

/** Undefined when the instance is critical; otherwise why the rule does not apply (or cannot tell). */
function isCritical(resource: ResourceRecord, context: RuleContext): CheckResult | undefined {
  const tags = awsTags(resource, context);
  const value = tags.known.get(CRITICAL_TAG.key);
  if (value !== undefined) return value.toLowerCase() === CRITICAL_TAG.value ? undefined : notApplicable(`tagged ${CRITICAL_TAG.key} = ${value}`);
  if (tags.unknownValues.has(CRITICAL_TAG.key))
    return unknown(`the ${CRITICAL_TAG.key} tag's value is an expression, so whether the instance is critical is not known`, 'tags');
  if (tags.unknownExpression) {
    return unknown(`its tags are ${describeExpression(tags.unknownExpression)}, so whether it is tagged ${CRITICAL_TAG.key} is not known`, 'tags');
  }
  return notApplicable(`not tagged ${CRITICAL_TAG.key} = ${CRITICAL_TAG.value}`);
}
