/** No Secrets Manager resource policy lets any AWS principal read or change a secret without an account-limiting condition. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS, allowsAnyoneUnrestricted, forbidStatements, readPolicy } from '../policy';

export const SECRET_POLICY_TYPES = ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_policy'];

export const secretsManagerPolicyNotPublic = defineRule({
  id: 'secrets-manager-policy-not-public',
  title: 'Secrets Manager resource policies do not allow Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: SECRET_POLICY_TYPES,
  rationale:
    'A secret\'s resource policy that allows Principal "*" (or {"AWS": "*"}, or NotPrincipal) lets every AWS ' +
    'account call the actions it lists on the secret: secretsmanager:GetSecretValue hands out the password, ' +
    'PutSecretValue replaces it. With an AWS managed key other accounts cannot decrypt, but a customer-managed ' +
    'key with a permissive policy, or write actions, are enough. Sharing with the organization uses a ' +
    `condition on one of ${ACCOUNT_BOUNDING_KEYS.join(', ')}. The policy is read from aws_secretsmanager_secret_policy ` +
    'and from the deprecated `policy` argument of aws_secretsmanager_secret.',
  fix:
    'Name the principals (role ARNs) that read the secret, or add `StringEquals: { "aws:PrincipalOrgID": "<org id>" }`; ' +
    'set `block_public_policy = true` on aws_secretsmanager_secret_policy so AWS refuses such a policy.',
  references: {
    docs: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_secretsmanager_secret_policy',
      body: {
        secret_arn: '${aws_secretsmanager_secret.db.arn}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_secretsmanager_secret_policy',
      body: {
        secret_arn: '${aws_secretsmanager_secret.db.arn}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '${aws_iam_role.app.arn}' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        }),
      },
    },
  },
  check(resource, context) {
    return forbidStatements(
      readPolicy(resource.body.policy, context),
      'policy',
      allowsAnyoneUnrestricted,
      'allows any principal ("*") with no condition limiting it to known accounts',
    );
  },
});
