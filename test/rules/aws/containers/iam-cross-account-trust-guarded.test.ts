import { iamCrossAccountTrustGuarded as rule } from '../../../../rules/aws/containers/iam-cross-account-trust-guarded';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { policyText } from '../policy/helpers';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { policy } from './helpers';

const trust = (AWS: unknown, Condition?: unknown) => ({
  assume_role_policy: policy([{ Effect: 'Allow', Principal: { AWS }, Action: 'sts:AssumeRole', ...(Condition ? { Condition } : {}) }]),
});
const OWN = { provider: { aws: [{ allowed_account_ids: ['111122223333'] }] } };

describe('iam-cross-account-trust-guarded', () => {
  itHonoursItsExamples(rule);

  it('fires for another account (root, role, bare ID) without ExternalId or MFA', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root'), OWN))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust(['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::444455556666:role/ci'])))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust('444455556666'), OWN))).toEqual(['violation']);
    expect(
      kinds(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }), OWN)),
    ).toEqual(['violation']);
  });

  it('is quiet with an external ID or MFA, for the own account, services and stack resources', () => {
    expect(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root', { StringEquals: { 'sts:ExternalId': 'x-1' } }))).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::111122223333:root'), OWN)).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::${data.aws_caller_identity.current.account_id}:root'))).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_role', trust('${aws_iam_role.ci.arn}'))).toEqual([]);
    expect(
      findingsFor(rule, 'aws_iam_role', {
        assume_role_policy: policy([{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
      }),
    ).toEqual([]);
    // Principal "*" is iam-trust-policy-no-wildcard's.
    expect(findingsFor(rule, 'aws_iam_role', trust('*'))).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust('${var.trusted}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root', { StringEquals: { 'sts:ExternalId': '${var.id}' } })))).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root', '${var.condition}')))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, 'aws_iam_role', trust('arn:aws:iam::444455556666:root'), { provider: { aws: [{ allowed_account_ids: '${var.accounts}' }] } })),
    ).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: '${data.x.json}' }))).toEqual(['unknown']);
  });

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  describe('edges', () => {
    const other = 'arn:aws:iam::444455556666:root';
    const run = (AWS: unknown, Condition?: unknown, extra: Record<string, unknown> = OWN) =>
      kinds(findingsFor(rule, 'aws_iam_role', trust(AWS, Condition), extra));
    const raw = (statement: string) => kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyText(statement) }, OWN));

    it('reads account identifiers exactly: twelve digits, iam or sts ARNs of any partition, spaces aside', () => {
      for (const id of [' 444455556666 ', 'arn:aws-cn:iam::444455556666:root', 'arn:aws:sts::444455556666:assumed-role/r/s'])
        expect([id, run(id)]).toEqual([id, ['violation']]);
      for (const id of ['x444455556666', '4444555566667', 'arn:aws:s3::444455556666:x', 'arn:awsX:iam::444455556666:root', 'xarn:aws:iam::444455556666:root']) {
        expect([id, run(id)]).toEqual([id, []]);
      }
    });

    it("reads the caller's own account only as a whole identifier or in an ARN's account field", () => {
      expect(run('${ data.aws_caller_identity.current.account_id }')).toEqual([]);
      expect(run('arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ci')).toEqual([]);
      expect(run('arn:aws:iam::${data.aws_caller_identity.current.arn }')).toEqual([]);
      expect(run('x${data.aws_caller_identity.current.account_id}')).toEqual(['unknown']);
      expect(run('arn:aws:iam::${data.aws_caller_identity.current.account_id}x')).toEqual(['unknown']);
      expect(run('arn:aws:iam::${var.a}${data.aws_caller_identity.current.account_id}:root')).toEqual(['unknown']);
      expect(run('${ data.aws_iam_role.other.arn }')).toEqual(['unknown']);
      expect(run('${data.aws_iam_role.other.arn}')).toEqual(['unknown']);
      expect(run('arn:aws-cn:iam::${data.aws_caller_identity.current.account_id}:root')).toEqual([]);
    });

    it("reads the provider's allowed accounts: an expression among them is unknown; without a provider, any account is another", () => {
      const withVar = { provider: { aws: [{ allowed_account_ids: ['111122223333', '${var.more}'] }] } };
      expect(run(other, undefined, withVar)).toEqual(['unknown']);
      expect(run('arn:aws:iam::111122223333:root', undefined, withVar)).toEqual([]);
      expect(run(other, undefined, {})).toEqual(['violation']);
      expect(run(other, undefined, { provider: { aws: [{ allowed_account_ids: [111122223333] }] } })).toEqual(['unknown']);
    });

    it('reads principal shapes: none, a whole expression, an expression type, an expression list, other types', () => {
      expect(raw('{"Effect": "Allow", "Action": "sts:AssumeRole"}')).toEqual([]);
      expect(raw('{"Effect": "Allow", "Principal": ${var.p}, "Action": "sts:AssumeRole"}')).toEqual(['unknown']);
      expect(raw(`{"Effect": "Allow", "Principal": {"\${var.type}": "${other}"}, "Action": "sts:AssumeRole"}`)).toEqual(['unknown']);
      expect(raw('{"Effect": "Allow", "Principal": {"AWS": ${var.ids}}, "Action": "sts:AssumeRole"}')).toEqual(['unknown']);
      expect(raw(`{"Effect": "Allow", "Principal": {"aws": "${other}"}, "Action": "sts:AssumeRole"}`)).toEqual(['violation']);
      expect(raw(`{"Effect": "Allow", "Principal": {"Federated": "${other}"}, "Action": "sts:AssumeRole"}`)).toEqual([]);
    });

    it('reads guarding conditions exactly: the key, the operator, every value; expressions are unknown', () => {
      expect(run(other, { StringLike: { 'sts:ExternalId': 'x-*' } })).toEqual([]);
      expect(run(other, { StringLike: { 'sts:ExternalId': '**' } })).toEqual(['violation']);
      expect(run(other, { StringEquals: { 'sts:ExternalId': ['x-1', '*'] } })).toEqual(['violation']);
      expect(run(other, { StringEquals: { 'sts:ExternalId': [] } })).toEqual(['violation']);
      expect(run(other, { StringNotEquals: { 'sts:ExternalId': 'x-1' } })).toEqual(['violation']);
      expect(run(other, { StringEquals: { 'aws:PrincipalTag/team': 'x-1' } })).toEqual(['violation']);
      expect(run(other, { Bool: { 'aws:MultiFactorAuthPresent': 'TRUE' } })).toEqual([]);
      expect(run(other, { Bool: { 'aws:MultiFactorAuthPresent': ['true', 'false'] } })).toEqual(['violation']);
      expect(run(other, { Bool: { 'aws:MultiFactorAuthPresent': [] } })).toEqual(['violation']);
      expect(run(other, { Bool: { 'aws:SecureTransport': 'true' } })).toEqual(['violation']);
      expect(run(other, { '${var.op}': { 'sts:ExternalId': 'x-1' } })).toEqual(['unknown']);
      expect(run(other, { StringEquals: { '${var.key}': 'x-1' } })).toEqual(['unknown']);
      expect(
        raw(
          `{"Effect": "Allow", "Principal": {"AWS": "${other}"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": \${var.ids}}}}`,
        ),
      ).toEqual(['unknown']);
      expect(raw(`{"Effect": "Allow", "Principal": {"AWS": "${other}"}, "Action": "sts:AssumeRole", "Condition": \${var.c}}`)).toEqual(['unknown']);
    });

    it('is unknown when the only guard comes from a dynamic condition block', () => {
      const externalId = { test: 'StringEquals', variable: 'sts:ExternalId', values: ['x-1'] };
      const doc = (statement: Record<string, unknown>) => ({
        ...OWN,
        data: {
          aws_iam_policy_document: {
            d: { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: [other] }], ...statement }] },
          },
        },
      });
      const check = (statement: Record<string, unknown>) =>
        kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: '${data.aws_iam_policy_document.d.json}' }, doc(statement)));
      expect(check({ dynamic: { condition: { for_each: '${var.ids}', content: externalId } } })).toEqual(['unknown']);
      expect(check({ condition: [externalId] })).toEqual([]);
      expect(check({ principals: [{ type: 'AWS' }] })).toEqual([]);
      expect(check({ condition: [{ test: 'StringEquals', variable: 'sts:ExternalId' }] })).toEqual(['violation']);
    });
  });
});
