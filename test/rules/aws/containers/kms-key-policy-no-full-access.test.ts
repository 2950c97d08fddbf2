import { kmsKeyPolicyNoFullAccess as rule } from '../../../../rules/aws/containers/kms-key-policy-no-full-access';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { policy } from './helpers';

const TYPES = ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'];
const grant = (AWS: unknown, Action: unknown = 'kms:*', extra: Record<string, unknown> = {}) =>
  policy([{ Effect: 'Allow', Principal: { AWS }, Action, Resource: '*', ...extra }]);

describe('kms-key-policy-no-full-access', () => {
  itHonoursItsExamples(rule);

  for (const type of TYPES) {
    describe(type, () => {
      it('fires for kms:* to a role', () => {
        expect(kinds(findingsFor(rule, type, { policy: grant('arn:aws:iam::111122223333:role/app') }))).toEqual(['violation']);
      });
      it('is quiet for kms:* to the account root', () => {
        expect(findingsFor(rule, type, { policy: grant('arn:aws:iam::111122223333:root') })).toEqual([]);
      });
      it('is unknown for a principal from a variable', () => {
        expect(kinds(findingsFor(rule, type, { policy: grant('${var.admin}') }))).toEqual(['unknown']);
      });
    });
  }

  it('fires for *, NotAction and service principals too', () => {
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: grant('${aws_iam_role.app.arn}', '*') }))).toEqual(['violation']);
    expect(
      kinds(
        findingsFor(rule, 'aws_kms_key', {
          policy: policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, NotAction: 'kms:Decrypt', Resource: '*' }]),
        }),
      ),
    ).toEqual(['violation']);
    expect(
      kinds(
        findingsFor(rule, 'aws_kms_key', {
          policy: policy([{ Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:*', Resource: '*' }]),
        }),
      ),
    ).toEqual(['violation']);
  });

  it('is quiet for named actions, conditions, roots written with expressions, Principal "*" (another rule\'s) and no policy', () => {
    expect(findingsFor(rule, 'aws_kms_key', { policy: grant('arn:aws:iam::111122223333:role/app', ['kms:Decrypt', 'kms:Encrypt']) })).toEqual([]);
    expect(
      findingsFor(rule, 'aws_kms_key', {
        policy: grant('arn:aws:iam::111122223333:role/app', 'kms:*', { Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } }),
      }),
    ).toEqual([]);
    expect(findingsFor(rule, 'aws_kms_key', { policy: grant('arn:aws:iam::${data.aws_caller_identity.current.account_id}:root') })).toEqual([]);
    expect(findingsFor(rule, 'aws_kms_key', { policy: grant('${data.aws_caller_identity.current.account_id}') })).toEqual([]);
    expect(findingsFor(rule, 'aws_kms_key', { policy: grant('*') })).toEqual([]);
    expect(findingsFor(rule, 'aws_kms_key', {})).toEqual([]);
  });

  it('is unknown for an action or a policy that is an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: grant('arn:aws:iam::111122223333:role/app', '${var.action}') }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: '${var.policy}' }))).toEqual(['unknown']);
  });
});
