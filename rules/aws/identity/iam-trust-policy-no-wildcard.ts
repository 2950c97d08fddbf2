/** No role can be assumed by any AWS principal unless a condition ties the trust to known accounts. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS, allowsAnyoneUnrestricted, forbidStatements, readPolicy } from '../policy';

export const iamTrustPolicyNoWildcard = defineRule({
  id: 'iam-trust-policy-no-wildcard',
  title: 'Role trust policies do not trust Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['aws_iam_role'],
  rationale:
    'A trust policy that allows Principal "*" (or {"AWS": "*"}, or uses NotPrincipal) lets any AWS account in ' +
    'the world assume the role and act with its permissions. Trusting an organization or a set of accounts ' +
    `this way is legitimate only with a condition on one of ${ACCOUNT_BOUNDING_KEYS.join(', ')}; sts:ExternalId ` +
    'is not enough, it is a shared string, not an identity.',
  fix:
    'Name the trusted principals (account ARNs, role ARNs, service principals, a federated OIDC provider), or ' +
    'keep Principal "*" and add `StringEquals: { "aws:PrincipalOrgID": "<org id>" }` (or aws:PrincipalAccount).',
  references: {
    checkov: ['CKV_AWS_60'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_60',
        kind: 'different',
        why: 'stricter on shape (Principal "*" as a bare string and NotPrincipal count, which checkov misses), looser on intent: a wildcard bounded by aws:PrincipalOrgID / aws:PrincipalAccount-style conditions passes, since it trusts only known accounts',
      },
    ],
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_role',
      body: {
        assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }),
      },
    },
    passing: {
      resourceType: 'aws_iam_role',
      body: {
        assume_role_policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      },
    },
  },
  check(role, context) {
    return forbidStatements(
      readPolicy(role.body.assume_role_policy, context),
      'assume_role_policy',
      allowsAnyoneUnrestricted,
      'lets any principal ("*") assume the role with no condition limiting it to known accounts',
    );
  },
});
