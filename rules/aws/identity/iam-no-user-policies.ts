/** Permissions go to roles and groups, never straight to IAM users. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { describeExpression, listAttr, show, stringAttr } from '../../../engine/values';

export const iamNoUserPolicies = defineRule({
  id: 'iam-no-user-policies',
  title: 'IAM policies are attached to roles or groups, not to users',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
  rationale:
    'Permissions attached to individual users pile up (each user a one-off), are missed in reviews, and ' +
    'stay when the person changes teams. Granting through groups (for people) and roles (for workloads) ' +
    'keeps who-can-do-what in a few reviewable places, and removing someone from a group removes the access.',
  fix:
    'Attach the policy to an aws_iam_group the user belongs to (aws_iam_group_policy_attachment), or give the ' +
    'workload a role. On aws_iam_policy_attachment, use `groups` / `roles` instead of `users`.',
  references: {
    checkov: ['CKV_AWS_40'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_40',
        kind: 'stricter',
        why: 'a user set by reference (user = aws_iam_user.x.name, the usual case) is a violation whoever the user is; checkov returns UNKNOWN for referenced values',
      },
    ],
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_user_policy_attachment',
      body: { user: '${aws_iam_user.ci.name}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    },
    passing: {
      resourceType: 'aws_iam_policy_attachment',
      body: { name: 'readers', groups: ['${aws_iam_group.readers.name}'], policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    },
  },
  check(resource) {
    const body = resource.body;
    if (resource.type === 'aws_iam_policy_attachment') {
      const users = listAttr(body, 'users');
      if (users.state === 'unknown') return unknownValue('users', users);
      if (users.state === 'known' && users.value.length > 0) {
        return violation(`the policy is attached to users (${users.value.map((u) => describeExpression(String(u), 40)).join(', ')})`, 'users');
      }
      return pass('attached to no users', 'users');
    }
    const user = stringAttr(body, 'user');
    const who = show(user, 'a user');
    return violation(resource.type === 'aws_iam_user_policy' ? `an inline policy on the user ${who}` : `a managed policy attached to the user ${who}`, 'user');
  },
});
