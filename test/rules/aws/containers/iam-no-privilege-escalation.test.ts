import { iamNoPrivilegeEscalation as rule, isWideIamResource } from '../../../../rules/aws/containers/iam-no-privilege-escalation';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { POLICY_HOLDERS } from '../identity/holders';
import { policy } from './helpers';

const allow = (Action: unknown, Resource: unknown = '*') => policy([{ Effect: 'Allow', Action, Resource }]);

describe('iam-no-privilege-escalation', () => {
  itHonoursItsExamples(rule);

  for (const [type, body] of POLICY_HOLDERS) {
    describe(type, () => {
      it('fires for an escalation action on *', () => {
        expect(kinds(findingsFor(rule, type, body(allow('iam:CreatePolicyVersion'))))).toEqual(['violation']);
      });

      it('is quiet for the same action on a named resource', () => {
        expect(findingsFor(rule, type, body(allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/app')))).toEqual([]);
      });

      it('is unknown for a policy from a variable', () => {
        expect(kinds(findingsFor(rule, type, body('${var.policy}')))).toEqual(['unknown']);
      });
    });
  }

  it.each([
    ['iam:AttachRolePolicy'],
    ['iam:PutUserPolicy'],
    ['iam:UpdateAssumeRolePolicy'],
    ['iam:CreateAccessKey'],
    ['sts:AssumeRole'],
    ['iam:*'],
    ['iam:Put*'],
    [['s3:GetObject', 'IAM:SETDEFAULTPOLICYVERSION']],
  ])('fires for Action %j on *', (action) => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: allow(action) }))).toEqual(['violation']);
  });

  it('fires on every role, user or policy of an account, and for NotAction lists that leave them in', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: allow('iam:AttachRolePolicy', 'arn:aws:iam::111122223333:role/*') }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }) }))).toEqual(['violation']);
  });

  it('leaves PassRole and Action "*" to their own rules, and is quiet for Deny and read-only IAM', () => {
    expect(findingsFor(rule, 'aws_iam_policy', { policy: allow('iam:PassRole') })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: allow('*') })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: allow(['iam:Get*', 'iam:List*']) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policy({ Effect: 'Allow', NotAction: ['iam:*', 'sts:*'], Resource: '*' }) })).toEqual([]);
  });

  it('is unknown when the action or resource is an expression that may be wide', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: allow('iam:${var.verb}') }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: allow('iam:PutRolePolicy', '${var.arn}') }))).toEqual(['unknown']);
  });

  it('recognises wide IAM resources', () => {
    expect(isWideIamResource('*')).toBe(true);
    expect(isWideIamResource('arn:aws:iam::111122223333:*')).toBe(true);
    expect(isWideIamResource('arn:aws:iam::111122223333:user/*')).toBe(true);
    expect(isWideIamResource('arn:aws:iam::111122223333:user/ci-*')).toBe(false);
    expect(isWideIamResource('arn:aws:s3:::*')).toBe(false);
    // Edges a mutation run found untested: the prefix, the service and the resource part read exactly.
    expect(isWideIamResource('nope:aws:iam::111122223333:role/*')).toBe(false);
    expect(isWideIamResource('arn:aws:**::111122223333:role/*')).toBe(true);
    expect(isWideIamResource('arn:aws:xiam::111122223333:role/*')).toBe(false);
    expect(isWideIamResource('arn:aws:iamx::111122223333:role/*')).toBe(false);
    expect(isWideIamResource('arn:aws:iam::111122223333:role**')).toBe(true);
    expect(isWideIamResource('arn:aws:iam::111122223333:role/**')).toBe(true);
    expect(isWideIamResource('arn:aws:iam::111122223333:role/*x')).toBe(false);
  });

  it('fires for an escalation action on everything but some resources (NotResource)', () => {
    const notResource = policy({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', NotResource: 'arn:aws:iam::111122223333:role/x' });
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: notResource }))).toEqual(['violation']);
  });
});
