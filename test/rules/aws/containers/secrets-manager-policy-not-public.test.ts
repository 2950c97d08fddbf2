import { secretsManagerPolicyNotPublic as rule } from '../../../../rules/aws/containers/secrets-manager-policy-not-public';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { policy } from './helpers';

const statement = (Principal: unknown, extra: Record<string, unknown> = {}) =>
  policy([{ Effect: 'Allow', Principal, Action: 'secretsmanager:GetSecretValue', Resource: '*', ...extra }]);

describe('secrets-manager-policy-not-public', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_policy']) {
    describe(type, () => {
      it('fires for Principal "*" without an account-limiting condition', () => {
        expect(kinds(findingsFor(rule, type, { policy: statement('*') }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { policy: statement({ AWS: '*' }, { Condition: { StringEquals: { 'kms:ViaService': 'x' } } }) }))).toEqual([
          'violation',
        ]);
      });

      it('is quiet for named principals, an org condition, or no policy', () => {
        expect(findingsFor(rule, type, { policy: statement({ AWS: '${aws_iam_role.app.arn}' }) })).toEqual([]);
        expect(findingsFor(rule, type, { policy: statement('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }) })).toEqual([]);
        expect(findingsFor(rule, type, { name: 's' })).toEqual([]);
      });

      it('is unknown for expressions', () => {
        expect(kinds(findingsFor(rule, type, { policy: '${var.policy}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { policy: statement({ AWS: '${var.who}' }) }))).toEqual(['unknown']);
      });
    });
  }
});
