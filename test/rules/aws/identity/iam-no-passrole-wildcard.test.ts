import { iamNoPassroleWildcard as rule, isAnyRolePattern } from '../../../../rules/aws/identity/iam-no-passrole-wildcard';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';
import { POLICY_HOLDERS } from './holders';

const PASS_ALL = { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };
const PASS_ONE = { Effect: 'Allow', Action: 'iam:PassRole', Resource: '${aws_iam_role.fn.arn}' };

describe('iam-no-passrole-wildcard', () => {
  for (const [type, body] of POLICY_HOLDERS) {
    describe(type, () => {
      it('fires for iam:PassRole on *', () => {
        expect(kinds(findingsFor(rule, type, body(policyJson(PASS_ALL))))).toEqual(['violation']);
      });

      it('is quiet for iam:PassRole on a named role', () => {
        expect(findingsFor(rule, type, body(policyJson([PASS_ONE])))).toEqual([]);
      });

      it('is unknown for a policy from a variable', () => {
        expect(kinds(findingsFor(rule, type, body('${var.policy}')))).toEqual(['unknown']);
      });
    });
  }

  it.each([['iam:PassRole'], ['iam:Pass*'], ['iam:*'], ['*'], [['s3:GetObject', 'IAM:PASSROLE']]])('fires for Action %j on *', (action) => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: action, Resource: '*' }) }))).toEqual(['violation']);
  });

  it('fires for every role of an account, and for NotAction lists that leave PassRole in', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...PASS_ALL, Resource: 'arn:aws:iam::111122223333:role/*' }) }))).toEqual([
      'violation',
    ]);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }) }))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) })).toEqual([]);
  });

  it('is quiet for other IAM actions on *, for Deny, and for a role path', () => {
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...PASS_ALL, Effect: 'Deny' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...PASS_ALL, Resource: 'arn:aws:iam::111122223333:role/lambda/*' }) })).toEqual([]);
  });

  it('is unknown when the action or the resource is an expression that may be a wildcard', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...PASS_ALL, Action: 'iam:${var.verb}' }) }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...PASS_ALL, Resource: '${var.role_arn}' }) }))).toEqual(['unknown']);
  });

  it('reads policy documents: good, bad, and with an expression', () => {
    const doc = (statement: unknown) => ({ data: { aws_iam_policy_document: { p: { statement } } } });
    expect(kinds(findingsFor(rule, 'aws_iam_role_policy', { role: 'r', policy: docRef('p') }, doc([{ actions: ['iam:PassRole'], resources: ['*'] }])))).toEqual(
      ['violation'],
    );
    expect(
      findingsFor(rule, 'aws_iam_role_policy', { role: 'r', policy: docRef('p') }, doc([{ actions: ['iam:PassRole'], resources: ['${aws_iam_role.fn.arn}'] }])),
    ).toEqual([]);
    expect(
      kinds(findingsFor(rule, 'aws_iam_role_policy', { role: 'r', policy: docRef('p') }, doc([{ actions: ['iam:PassRole'], resources: '${var.arns}' }]))),
    ).toEqual(['unknown']);
  });

  it('recognises role wildcards', () => {
    expect(isAnyRolePattern('arn:aws:iam::111122223333:role/*')).toBe(true);
    expect(isAnyRolePattern('arn:aws:iam::111122223333:*')).toBe(true);
    expect(isAnyRolePattern('arn:aws:*:*:*:*')).toBe(true);
    expect(isAnyRolePattern('arn:aws:iam::111122223333:role/app')).toBe(false);
    expect(isAnyRolePattern('arn:aws:s3:::*')).toBe(false);
    // Edges a mutation run found untested: the prefix, the service pattern and the resource part read exactly.
    expect(isAnyRolePattern('nope:aws:iam::111122223333:role/*')).toBe(false);
    expect(isAnyRolePattern('arn:aws:**::111122223333:role/*')).toBe(true);
    expect(isAnyRolePattern('arn:aws:x*::111122223333:role/*')).toBe(false);
    expect(isAnyRolePattern('arn:aws:*x::111122223333:role/*')).toBe(false);
    expect(isAnyRolePattern('arn:aws:iam::111122223333:role/**')).toBe(true);
    expect(isAnyRolePattern('arn:aws:iam::111122223333:role/*x')).toBe(false);
  });

  it('fires for iam:PassRole on everything but some resources (NotResource)', () => {
    expect(
      kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::1:role/x' }]) })),
    ).toEqual(['violation']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
