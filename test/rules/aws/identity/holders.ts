/** The identity-policy resource types, each with a body builder that puts a policy where that type holds it. */
import { policyJson } from '../policy/helpers';

export const POLICY_HOLDERS: readonly [string, (policy: unknown) => Record<string, unknown>][] = [
  ['aws_iam_policy', (policy) => ({ name: 'p', policy })],
  ['aws_iam_role_policy', (policy) => ({ role: '${aws_iam_role.r.id}', policy })],
  ['aws_iam_user_policy', (policy) => ({ user: '${aws_iam_user.u.name}', policy })],
  ['aws_iam_group_policy', (policy) => ({ group: '${aws_iam_group.g.name}', policy })],
  ['aws_iam_role', (policy) => ({ assume_role_policy: policyJson([]), inline_policy: [{ name: 'inline', policy }] })],
  ['aws_ssoadmin_permission_set_inline_policy', (policy) => ({ instance_arn: 'arn', permission_set_arn: 'arn', inline_policy: policy })],
];
