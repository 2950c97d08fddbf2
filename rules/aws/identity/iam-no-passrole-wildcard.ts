/** No policy lets its holder pass any role to a service: iam:PassRole is limited to named roles. */
import { defineRule } from '../../../engine/rule';
import { anyItem, includesAction, isAllow, isAllResourcesPattern, type PolicyStatement } from '../policy';
import { and, YES, type Answer } from '../../../engine/values';
import { checkIdentityPolicies, IDENTITY_POLICY_TYPES } from './identity-policies';

/** `arn:aws:iam::<account>:role/*`, `…:*`, `…:role*`: every role of an account. */
export function isAnyRolePattern(pattern: string): boolean {
  const fields = pattern.split(':');
  if (fields.length < 6 || fields[0] !== 'arn') return false;
  const service = fields[2];
  if (service !== 'iam' && !/^[*?]+$/.test(service)) return false;
  return /^(role)?\/?\*+$/.test(fields.slice(5).join(':'));
}

function passesAnyRole(s: PolicyStatement): Answer {
  if (s.notResources.state !== 'absent') return YES;
  return anyItem(s.resources, 'Resource', (r) => isAllResourcesPattern(r) || isAnyRolePattern(r));
}

export const iamNoPassroleWildcard = defineRule({
  id: 'iam-no-passrole-wildcard',
  title: 'No IAM policy allows iam:PassRole on every role',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale:
    'iam:PassRole decides which roles a principal may hand to EC2, Lambda, ECS, CloudFormation and the rest. ' +
    'On Resource "*" (or every role of the account) it lets the principal launch a function or instance with ' +
    'the most privileged role in the account and act as that role: privilege escalation in one call. It is ' +
    'granted by iam:PassRole itself, by iam:Pass*, iam:* and *, and by NotAction lists that leave it out.',
  fix:
    'Allow iam:PassRole only on the ARNs of the roles the workload really passes, and add an ' +
    '`iam:PassedToService` condition naming the service that receives them.',
  references: {
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_role_policy',
      body: {
        role: '${aws_iam_role.deployer.id}',
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction'], Resource: '*' }] }),
      },
    },
    passing: {
      resourceType: 'aws_iam_role_policy',
      body: {
        role: '${aws_iam_role.deployer.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: '${aws_iam_role.function.arn}',
              Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    return checkIdentityPolicies(
      resource,
      context,
      (s) => and(isAllow(s), includesAction(s, 'iam:PassRole'), passesAnyRole(s)),
      'allows iam:PassRole on every role',
    );
  },
});
