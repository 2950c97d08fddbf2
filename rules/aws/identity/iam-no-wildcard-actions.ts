/** Policies name the actions they allow instead of granting whole services on every resource. */
import { defineRule } from '../../../engine/rule';
import { anyItem, coversAllResources, isAllActionsPattern, isAllow, isServiceWidePattern, type PolicyStatement } from '../policy';
import { and, NO, YES, type Answer } from '../../../engine/values';
import { checkIdentityPolicies, IDENTITY_POLICY_TYPES } from './identity-policies';

/**
 * `s3:*`, or NotAction (every action but a few). Plain `*` is left to iam-no-admin-policy, but an expression
 * that may be `*` may just as well be `s3:*`, so it stays unknown here too.
 */
function grantsWholeServices(s: PolicyStatement): Answer {
  if (s.actions.state === 'absent') return s.notActions.state !== 'absent' ? YES : NO;
  return anyItem(s.actions, 'Action', isServiceWidePattern, undefined, (worst) => isServiceWidePattern(worst) || isAllActionsPattern(worst));
}

export const iamNoWildcardActions = defineRule({
  id: 'iam-no-wildcard-actions',
  title: 'IAM policies do not allow whole services (s3:*) on every resource',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale:
    '"s3:*" on "*" is every bucket in the account, with every action, including deleting them, rewriting their ' +
    'policies and turning off their encryption; "ec2:*" includes changing security groups, and new actions ' +
    'AWS adds later are granted automatically. NotAction with Allow is the same in reverse: everything except ' +
    'what is listed. A warning in the strict profile: a service-wide wildcard is sometimes justified on a ' +
    'narrow Resource, which this rule allows.',
  fix: 'List the actions the workload calls (e.g. s3:GetObject, s3:PutObject) and the resources it calls them on.',
  references: {
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_policy',
      body: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) },
    },
    passing: {
      resourceType: 'aws_iam_policy',
      body: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::scratch/*' }] }) },
    },
  },
  check(resource, context) {
    return checkIdentityPolicies(
      resource,
      context,
      (s) => and(isAllow(s), grantsWholeServices(s), coversAllResources(s)),
      'allows every action of a service (or every action but some, via NotAction) on every resource',
    );
  },
});
