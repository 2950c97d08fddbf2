/** Secrets Manager resource policies name the actions they allow. */
import { defineRule } from '../../../engine/rule';
import { and, NO, YES, type Answer } from '../../../engine/values';
import { anyItem, forbidStatements, isAllow, readPolicy, type PolicyStatement } from '../policy';
import { SECRET_POLICY_TYPES } from './secrets-manager-policy-not-public';

/** `*`, `*:*`, `secretsmanager:*`. */
const isWildcardAction = (pattern: string): boolean => /^(\*+(:\*+)?|secretsmanager:\*+)$/i.test(pattern.trim());

function grantsAllSecretActions(s: PolicyStatement): Answer {
  if (s.actions.state === 'absent') return s.notActions.state !== 'absent' ? YES : NO;
  return anyItem(s.actions, 'Action', isWildcardAction);
}

export const secretsManagerPolicyNoWildcardActions = defineRule({
  id: 'secrets-manager-policy-no-wildcard-actions',
  title: 'Secrets Manager resource policies do not allow secretsmanager:* (or *)',
  severity: 'warning',
  profile: 'strict',
  category: 'keys',
  resourceTypes: SECRET_POLICY_TYPES,
  rationale:
    'A resource policy that allows secretsmanager:* (or *, or NotAction) on a secret gives its principals ' +
    'not only the value but PutResourcePolicy (open it further), PutSecretValue / UpdateSecret (replace it or ' +
    'its key), RotateSecret and DeleteSecret. Readers need GetSecretValue and DescribeSecret; rotation ' +
    'functions need the rotation actions. Strict: it is least privilege for principals that are already ' +
    "trusted (a wildcard principal is secrets-manager-policy-not-public's).",
  fix: 'List the actions: `secretsmanager:GetSecretValue` and `secretsmanager:DescribeSecret` for readers.',
  references: {
    docs: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_secretsmanager_secret_policy',
      body: {
        secret_arn: '${aws_secretsmanager_secret.db.arn}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '${aws_iam_role.app.arn}' }, Action: 'secretsmanager:*', Resource: '*' }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_secretsmanager_secret_policy',
      body: {
        secret_arn: '${aws_secretsmanager_secret.db.arn}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: '${aws_iam_role.app.arn}' },
              Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
              Resource: '*',
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    return forbidStatements(
      readPolicy(resource.body.policy, context),
      'policy',
      (s) => and(isAllow(s), grantsAllSecretActions(s)),
      'allows every Secrets Manager action (secretsmanager:*, * or NotAction)',
    );
  },
});
