import { kmsKeyPolicyNoFullAccess as rule } from '../../../../rules/aws/containers/kms-key-policy-no-full-access';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { policyText } from '../policy/helpers';
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

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  describe('edges', () => {
    const role = 'arn:aws:iam::111122223333:role/app';
    const run = (AWS: unknown, Action: unknown = 'kms:*', extra: Record<string, unknown> = {}) =>
      kinds(findingsFor(rule, 'aws_kms_key', { policy: grant(AWS, Action, extra) }));
    const raw = (statement: string) => kinds(findingsFor(rule, 'aws_kms_key', { policy: policyText(statement) }));

    it('reads "every key action" exactly', () => {
      for (const a of ['**', '*:**', 'kms:**', ' KMS:* ']) expect([a, run(role, a)]).toEqual([a, ['violation']]);
      for (const a of ['x*', '*x', 'kms:*Key', 'xkms:*', 'kms:Decrypt*']) expect([a, run(role, a)]).toEqual([a, []]);
      // Neither Action nor NotAction grants nothing.
      expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policy([{ Effect: 'Allow', Principal: { AWS: role }, Resource: '*' }]) }))).toEqual([]);
    });

    it('reads the account root exactly: an ARN ending in :root or a twelve-digit ID, spaces aside', () => {
      for (const id of [' arn:aws:iam::111122223333:root ', 'arn:aws-cn:iam::111122223333:root', ' 111122223333 ']) expect([id, run(id)]).toEqual([id, []]);
      for (const id of [
        'xarn:aws:iam::111122223333:root',
        'arn:aws:iam::111122223333:rootx',
        'arn:aws:iam::111122223333:user/root',
        '1111222233334',
        '11112222333a',
        'arn:awsX:iam::1:root',
      ]) {
        expect([id, run(id)]).toEqual([id, ['violation']]);
      }
      // Only under the AWS type: a Service named like a root is not one.
      expect(
        kinds(
          findingsFor(rule, 'aws_kms_key', { policy: policy([{ Effect: 'Allow', Principal: { Service: '111122223333' }, Action: 'kms:*', Resource: '*' }]) }),
        ),
      ).toEqual(['violation']);
    });

    it('reads expressions standing for the account: spaces in the reference; others that may be a root are unknown', () => {
      expect(run(' ${ data.aws_caller_identity.current.account_id } ')).toEqual([]);
      expect(run('${data.aws_caller_identity.current.account_id}x')).toEqual(['violation']);
      expect(run('${var.account}')).toEqual(['unknown']);
      expect(run('arn:aws:iam::${var.account}:role/app')).toEqual(['violation']);
      expect(run('x${data.aws_caller_identity.current.account_id}')).toEqual(['violation']);
      expect(run('1111${var.rest}')).toEqual(['unknown']);
      expect(run(' * ')).toEqual([]);
      const service = policy([{ Effect: 'Allow', Principal: { Service: '${data.aws_caller_identity.current.account_id}' }, Action: 'kms:*', Resource: '*' }]);
      expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: service }))).toEqual(['violation']);
    });

    it('reads principal shapes: none, a whole expression, an expression type or list, an empty list', () => {
      expect(raw('{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}')).toEqual([]);
      expect(raw('{"Effect": "Allow", "Principal": ${var.p}, "Action": "kms:*", "Resource": "*"}')).toEqual(['unknown']);
      expect(raw('{"Effect": "Allow", "Principal": {"${var.type}": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:*", "Resource": "*"}')).toEqual([
        'unknown',
      ]);
      expect(raw('{"Effect": "Allow", "Principal": {"AWS": ${var.ids}}, "Action": "kms:*", "Resource": "*"}')).toEqual(['unknown']);
      expect(raw('{"Effect": "Allow", "Principal": {"AWS": null}, "Action": "kms:*", "Resource": "*"}')).toEqual([]);
    });

    it('counts any condition, unless every one may be absent; an expression Condition is unknown', () => {
      expect(raw(`{"Effect": "Allow", "Principal": {"AWS": "${role}"}, "Action": "kms:*", "Resource": "*", "Condition": \${var.c}}`)).toEqual(['unknown']);
      expect(run(role, 'kms:*', { Condition: {} })).toEqual(['violation']);
      const viaService = { test: 'StringEquals', variable: 'kms:ViaService', values: ['s3.eu-west-1.amazonaws.com'] };
      const dynamicCondition = { condition: { for_each: '${var.services}', content: viaService } };
      const doc = (statement: Record<string, unknown>) => ({
        data: {
          aws_iam_policy_document: {
            d: { statement: [{ actions: ['kms:*'], resources: ['*'], principals: [{ type: 'AWS', identifiers: [role] }], ...statement }] },
          },
        },
      });
      const check = (statement: Record<string, unknown>) =>
        kinds(findingsFor(rule, 'aws_kms_key', { policy: '${data.aws_iam_policy_document.d.json}' }, doc(statement)));
      expect(check({ dynamic: dynamicCondition })).toEqual(['unknown']);
      expect(check({ dynamic: dynamicCondition, condition: [viaService] })).toEqual([]);
      // A principals block without identifiers names nobody.
      expect(check({ principals: [{ type: 'AWS' }] })).toEqual([]);
    });
  });
});
