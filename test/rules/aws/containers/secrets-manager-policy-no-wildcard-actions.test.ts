import { secretsManagerPolicyNoWildcardActions as rule } from '../../../../rules/aws/containers/secrets-manager-policy-no-wildcard-actions';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { policy } from './helpers';

const statement = (action: Record<string, unknown>, Effect = 'Allow') =>
  policy([{ Effect, Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Resource: '*', ...action }]);

describe('secrets-manager-policy-no-wildcard-actions', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_policy']) {
    describe(type, () => {
      it('fires for secretsmanager:*, * and NotAction', () => {
        expect(kinds(findingsFor(rule, type, { policy: statement({ Action: 'secretsmanager:*' }) }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { policy: statement({ Action: ['secretsmanager:GetSecretValue', '*'] }) }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { policy: statement({ NotAction: 'secretsmanager:DeleteSecret' }) }))).toEqual(['violation']);
      });

      it('is quiet for named actions and for Deny', () => {
        expect(findingsFor(rule, type, { policy: statement({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] }) })).toEqual([]);
        expect(findingsFor(rule, type, { policy: statement({ Action: 'secretsmanager:*' }, 'Deny') })).toEqual([]);
      });

      it('is unknown for expressions', () => {
        expect(kinds(findingsFor(rule, type, { policy: statement({ Action: '${var.actions}' }) }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { policy: '${var.policy}' }))).toEqual(['unknown']);
      });
    });
  }

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  it('reads "every secret action" exactly, and a statement with neither Action nor NotAction as granting none', () => {
    const run = (Action: unknown) => kinds(findingsFor(rule, 'aws_secretsmanager_secret_policy', { policy: statement({ Action }) }));
    for (const a of ['**', '*:**', 'secretsmanager:**', ' SecretsManager:* ']) expect([a, run(a)]).toEqual([a, ['violation']]);
    for (const a of ['x*', '*x', 'secretsmanager:*Value', 'xsecretsmanager:*']) expect([a, run(a)]).toEqual([a, []]);
    expect(findingsFor(rule, 'aws_secretsmanager_secret_policy', { policy: statement({}) })).toEqual([]);
  });
});
