import { iamCrossAccountTrustGuarded as rule } from '../../../../rules/aws/containers/iam-cross-account-trust-guarded';
import { itHonoursItsExamples } from '../../../helpers/examples';
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
});
