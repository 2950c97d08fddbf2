/**
 * Where identity policies (the ones attached to users, groups, roles and permission sets) live, so the
 * identity rules run the same statement test over every one of them.
 */
import type { RuleContext } from '../../../engine/rule';
import { unknown } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blocks, describeExpression, type Answer } from '../../../engine/values';
import { forbidStatements, readPolicy, type PolicyStatement } from '../policy';

export const IDENTITY_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
  'aws_ssoadmin_permission_set_inline_policy',
];

/** The identity policies a resource carries, with the attribute path each is at. */
function policiesOf(resource: ResourceRecord): { readonly policies: { attribute: string; value: unknown }[]; readonly unknownBlocks?: string } {
  switch (resource.type) {
    case 'aws_iam_role': {
      // `inline_policy {}` with no policy is how a role says "no inline policies": nothing to check there.
      const inline = blocks(resource.body, 'inline_policy');
      return {
        policies: inline.occurrences.map((o) => ({ attribute: `${o.path}.policy`, value: o.body.policy })),
        ...(inline.unknownExpression ? { unknownBlocks: inline.unknownExpression } : {}),
      };
    }
    case 'aws_ssoadmin_permission_set_inline_policy':
      return { policies: [{ attribute: 'inline_policy', value: resource.body.inline_policy }] };
    default:
      return { policies: [{ attribute: 'policy', value: resource.body.policy }] };
  }
}

/** Run a statement test over every identity policy of the resource (see forbidStatements). */
export function checkIdentityPolicies(resource: ResourceRecord, context: RuleContext, test: (s: PolicyStatement) => Answer, what: string): CheckResult[] {
  const { policies, unknownBlocks } = policiesOf(resource);
  const results: CheckResult[] = [];
  if (unknownBlocks) results.push(unknown(`inline_policy is ${describeExpression(unknownBlocks)}`, 'inline_policy'));
  for (const { attribute, value } of policies) results.push(...forbidStatements(readPolicy(value, context), attribute, test, what));
  return results;
}
