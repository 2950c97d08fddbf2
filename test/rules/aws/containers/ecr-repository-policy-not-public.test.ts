import { ecrRepositoryPolicyNotPublic as rule } from '../../../../rules/aws/containers/ecr-repository-policy-not-public';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { policy } from './helpers';

const T = 'aws_ecr_repository_policy';
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

describe('ecr-repository-policy-not-public', () => {
  itHonoursItsExamples(rule);

  it('fires for Principal "*" or {"AWS": "*"} without an account-limiting condition', () => {
    expect(kinds(findingsFor(rule, T, { repository: 'app', policy: policy([{ Effect: 'Allow', Principal: '*', Action: PULL }]) }))).toEqual(['violation']);
    expect(
      kinds(
        findingsFor(rule, T, {
          repository: 'app',
          policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'ecr:*', Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-1' } } }),
        }),
      ),
    ).toEqual(['violation']);
  });

  it('is quiet for named accounts, an org condition, or Deny', () => {
    expect(
      findingsFor(rule, T, { repository: 'app', policy: policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: PULL }]) }),
    ).toEqual([]);
    expect(
      findingsFor(rule, T, {
        repository: 'app',
        policy: policy([{ Effect: 'Allow', Principal: '*', Action: PULL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }]),
      }),
    ).toEqual([]);
    expect(findingsFor(rule, T, { repository: 'app', policy: policy([{ Effect: 'Deny', Principal: '*', Action: 'ecr:*' }]) })).toEqual([]);
  });

  it('is unknown for a policy or principal that is an expression', () => {
    expect(kinds(findingsFor(rule, T, { repository: 'app', policy: '${var.policy}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { repository: 'app', policy: policy([{ Effect: 'Allow', Principal: { AWS: '${var.who}' }, Action: PULL }]) }))).toEqual([
      'unknown',
    ]);
  });
});
