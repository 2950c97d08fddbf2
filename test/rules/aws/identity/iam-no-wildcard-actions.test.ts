import { iamNoWildcardActions as rule } from '../../../../rules/aws/identity/iam-no-wildcard-actions';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';
import { POLICY_HOLDERS } from './holders';

describe('iam-no-wildcard-actions', () => {
  for (const [type, body] of POLICY_HOLDERS) {
    describe(type, () => {
      it('fires for a service-wide wildcard on *', () => {
        expect(kinds(findingsFor(rule, type, body(policyJson({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))))).toEqual(['violation']);
      });

      it('is quiet for named actions on *, or a service wildcard on a narrow resource', () => {
        expect(findingsFor(rule, type, body(policyJson([{ Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' }])))).toEqual([]);
        expect(findingsFor(rule, type, body(policyJson([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::scratch/*' }])))).toEqual([]);
      });

      it('is unknown for a policy from file()', () => {
        expect(kinds(findingsFor(rule, type, body('${file("policy.json")}')))).toEqual(['unknown']);
      });
    });
  }

  it('fires for Allow with NotAction on *', () => {
    expect(
      kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }) })),
    ).toEqual(['violation']);
  });

  it('leaves plain "*" to iam-no-admin-policy, and ignores Deny and partial wildcards', () => {
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: '*', Resource: '*' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Deny', Action: 's3:*', Resource: '*' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }) })).toEqual([]);
  });

  it('is unknown for an action expression that may be a service wildcard', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: '${var.action}', Resource: '*' }) }))).toEqual([
      'unknown',
    ]);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: 'sqs:${var.verb}', Resource: '*' }) }))).toEqual([
      'unknown',
    ]);
  });

  it('reads policy documents', () => {
    const doc = (statement: unknown) => ({ data: { aws_iam_policy_document: { p: { statement } } } });
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc({ actions: ['dynamodb:*'], resources: ['*'] })))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc({ actions: ['dynamodb:GetItem'], resources: ['*'] }))).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc({ actions: ['dynamodb:*'], resources: ['${var.table_arn}'] })))).toEqual([
      'unknown',
    ]);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
