/** No identity policy grants the IAM actions that turn limited access into administrator access, on every resource. */
import { defineRule } from '../../../engine/rule';
import { and, any, not, YES, type Answer } from '../../../engine/values';
import { anyItem, includesAction, includesAllActions, isAllow, isAllResourcesPattern, type PolicyStatement } from '../policy';
import { checkIdentityPolicies, IDENTITY_POLICY_TYPES } from '../identity/identity-policies';

/**
 * Actions that let a principal give itself (or a principal it controls) more permissions. iam:PassRole is
 * left to iam-no-passrole-wildcard, and Action "*" to iam-no-admin-policy, so one grant is one finding.
 */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
  'sts:AssumeRole',
];

/** `*`, `arn:aws:*`, or every IAM entity of an account (`arn:aws:iam::111122223333:*`, `…:role/*`, `…:user/*`, `…:policy/*`). */
export function isWideIamResource(pattern: string): boolean {
  if (isAllResourcesPattern(pattern)) return true;
  const fields = pattern.split(':');
  if (fields.length < 6 || fields[0] !== 'arn' || !/^(iam|[*?]+)$/.test(fields[2])) return false;
  return /^((role|user|group|policy)\/?)?\*+$/.test(fields.slice(5).join(':'));
}

function onEveryEntity(s: PolicyStatement): Answer {
  if (s.notResources.state !== 'absent') return YES;
  return anyItem(s.resources, 'Resource', isWideIamResource);
}

const escalates = (s: PolicyStatement): Answer =>
  and(
    isAllow(s),
    not(includesAllActions(s)),
    any(ESCALATION_ACTIONS, (action) => includesAction(s, action)),
    onEveryEntity(s),
  );

export const iamNoPrivilegeEscalation = defineRule({
  id: 'iam-no-privilege-escalation',
  title: 'No IAM policy allows privilege-escalation actions on every user, role or policy',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale:
    'Some IAM actions are administrator access in two steps: iam:CreatePolicyVersion / SetDefaultPolicyVersion ' +
    '(rewrite an attached policy to "*"), iam:Attach*Policy / Put*Policy (attach AdministratorAccess to ' +
    'oneself), iam:AddUserToGroup, iam:UpdateAssumeRolePolicy (trust oneself in an admin role), ' +
    'iam:CreateAccessKey / CreateLoginProfile / UpdateLoginProfile (become another user), deleting permissions ' +
    'boundaries, and sts:AssumeRole on every role that trusts the account. On Resource "*" (or every user, ' +
    `role, group or policy of an account) they are granted by the action itself, by iam:* or by NotAction lists ` +
    'that leave them in. iam:PassRole is reported by iam-no-passrole-wildcard and Action "*" by ' +
    'iam-no-admin-policy, not here.',
  fix:
    "Grant these actions only on the ARNs they are needed for (the user's own access keys: " +
    '`arn:aws:iam::<account>:user/${aws:username}`; the roles a deployer may assume, by name), or move IAM ' +
    'administration to a separate, MFA-protected role.',
  references: {
    checkov: ['CKV_AWS_286'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_286',
        kind: 'different',
        why:
          'checkov (through cloudsplaining) reports escalation paths, including PassRole combinations, whatever the Resource; here the listed ' +
          'actions are reported only on every resource or every IAM entity of an account, PassRole is left to iam-no-passrole-wildcard, and sts:AssumeRole and ' +
          'permissions-boundary deletion count too.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_policy',
      body: {
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:AttachRolePolicy', 'iam:GetRole'], Resource: '*' }] }),
      },
    },
    passing: {
      resourceType: 'aws_iam_policy',
      body: {
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys'], Resource: 'arn:aws:iam::111122223333:user/$${aws:username}' }],
        }),
      },
    },
  },
  check(resource, context) {
    return checkIdentityPolicies(
      resource,
      context,
      escalates,
      "allows privilege-escalation actions (policy versions, attaching or putting policies, trust changes, other users' keys or passwords, sts:AssumeRole…) on every user, role or policy",
    );
  },
});
