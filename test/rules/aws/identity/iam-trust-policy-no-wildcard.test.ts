import { iamTrustPolicyNoWildcard as rule } from '../../../../rules/aws/identity/iam-trust-policy-no-wildcard';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';

const T = 'aws_iam_role';
const trust = (statement: unknown) => ({ assume_role_policy: policyJson(statement) });
const ANYONE = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' };

describe('iam-trust-policy-no-wildcard', () => {
  it('fires for {"AWS": "*"}, a bare "*", and NotPrincipal', () => {
    expect(kinds(findingsFor(rule, T, trust(ANYONE)))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, trust([{ ...ANYONE, Principal: '*' }])))).toEqual(['violation']);
    expect(
      kinds(findingsFor(rule, T, trust([{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }]))),
    ).toEqual(['violation']);
  });

  it('is quiet for services, named accounts, and "*" limited to an organization', () => {
    expect(findingsFor(rule, T, trust([{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }]))).toEqual([]);
    expect(findingsFor(rule, T, trust([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'sts:AssumeRole' }]))).toEqual([]);
    expect(findingsFor(rule, T, trust([{ ...ANYONE, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }]))).toEqual([]);
  });

  it('does not accept sts:ExternalId as a restriction', () => {
    expect(kinds(findingsFor(rule, T, trust([{ ...ANYONE, Condition: { StringEquals: { 'sts:ExternalId': 'shared' } } }])))).toEqual(['violation']);
  });

  it('is unknown for a jsonencode policy or an expression principal', () => {
    expect(kinds(findingsFor(rule, T, { assume_role_policy: '${jsonencode({Statement = []})}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, trust([{ ...ANYONE, Principal: { AWS: '${var.trusted}' } }])))).toEqual(['unknown']);
    expect(findingsFor(rule, T, trust([{ ...ANYONE, Principal: { AWS: '${aws_iam_role.ci.arn}' } }]))).toEqual([]);
  });

  describe('policy documents', () => {
    const doc = (statement: unknown) => ({ data: { aws_iam_policy_document: { trust: { statement } } } });
    const open = { actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['*'] }] };

    it('fires for an open document, quiet with a condition, unknown with an expression condition', () => {
      expect(kinds(findingsFor(rule, T, { assume_role_policy: docRef('trust') }, doc([open])))).toEqual(['violation']);
      const org = { ...open, condition: [{ test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-abc123'] }] };
      expect(findingsFor(rule, T, { assume_role_policy: docRef('trust') }, doc([org]))).toEqual([]);
      const opaque = { ...open, condition: [{ test: '${var.test}', variable: 'aws:PrincipalOrgID', values: ['o-abc123'] }] };
      expect(kinds(findingsFor(rule, T, { assume_role_policy: docRef('trust') }, doc([opaque])))).toEqual(['unknown']);
    });

    it('treats a dynamic condition as possibly absent', () => {
      const dyn = {
        ...open,
        dynamic: { condition: { for_each: '${var.orgs}', content: { test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['${condition.value}'] } } },
      };
      expect(kinds(findingsFor(rule, T, { assume_role_policy: docRef('trust') }, doc([dyn])))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
