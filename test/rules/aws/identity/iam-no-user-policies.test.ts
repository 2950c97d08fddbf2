import { iamNoUserPolicies as rule } from '../../../../rules/aws/identity/iam-no-user-policies';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings, policyJson } from '../policy/helpers';

describe('iam-no-user-policies', () => {
  it('fires for every inline user policy and user policy attachment', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_user_policy', { user: 'alice', policy: policyJson([]) }))).toEqual(['violation']);
    expect(
      kinds(findingsFor(rule, 'aws_iam_user_policy_attachment', { user: '${aws_iam_user.ci.name}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })),
    ).toEqual(['violation']);
  });

  describe('aws_iam_policy_attachment', () => {
    const base = { name: 'a', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };

    it('fires when users are listed', () => {
      expect(kinds(findingsFor(rule, 'aws_iam_policy_attachment', { ...base, users: ['alice'] }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_iam_policy_attachment', { ...base, users: ['${aws_iam_user.ci.name}'], roles: ['r'] }))).toEqual(['violation']);
    });

    it('is quiet for groups and roles only, or an empty users list', () => {
      expect(findingsFor(rule, 'aws_iam_policy_attachment', { ...base, groups: ['g'], roles: ['r'] })).toEqual([]);
      expect(findingsFor(rule, 'aws_iam_policy_attachment', { ...base, users: [], roles: ['r'] })).toEqual([]);
    });

    it('is unknown when users is an expression', () => {
      expect(kinds(findingsFor(rule, 'aws_iam_policy_attachment', { ...base, users: '${var.users}' }))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
