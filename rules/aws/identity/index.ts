/** The AWS IAM rules, in catalog order. */
import type { Rule } from '../../../engine/rule';
import { iamNoAccessKeys } from './iam-no-access-keys';
import { iamNoAdminPolicy } from './iam-no-admin-policy';
import { iamNoPassroleWildcard } from './iam-no-passrole-wildcard';
import { iamNoUserPolicies } from './iam-no-user-policies';
import { iamNoWildcardActions } from './iam-no-wildcard-actions';
import { iamTrustPolicyNoWildcard } from './iam-trust-policy-no-wildcard';

export const awsIdentityRules: readonly Rule[] = [
  iamNoAdminPolicy,
  iamNoPassroleWildcard,
  iamNoUserPolicies,
  iamNoAccessKeys,
  iamTrustPolicyNoWildcard,
  iamNoWildcardActions,
];
