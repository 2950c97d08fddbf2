import { snsTopicPolicyNotPublic as rule } from '../../../../rules/aws/datastores/sns-topic-policy-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { policyJson } from '../policy/helpers';

const OPEN = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:Publish', Resource: '*' };
const DEFAULT_STYLE = { ...OPEN, Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } } };

describe('sns-topic-policy-not-public', () => {
  itHonoursItsExamples(rule);

  for (const [type, base] of [
    ['aws_sns_topic_policy', { arn: '${aws_sns_topic.t.arn}' }],
    ['aws_sns_topic', { name: 't' }],
  ] as const) {
    describe(type, () => {
      it('fires for Principal "*" without a condition', () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([OPEN]) }))).toEqual(['violation']);
      });
      it('is quiet with an account-limiting condition (the default topic policy shape) or named principals', () => {
        expect(findingsFor(rule, type, { ...base, policy: policyJson([DEFAULT_STYLE]) })).toEqual([]);
        expect(findingsFor(rule, type, { ...base, policy: policyJson([{ ...OPEN, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }]) })).toEqual([]);
      });
      it('is unknown for a policy it cannot read', () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy: '${var.policy}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([{ ...OPEN, Principal: { AWS: '${var.who}' } }]) }))).toEqual(['unknown']);
      });
    });
  }

  it('is quiet for a topic without an inline policy (the default policy)', () => {
    expect(findingsFor(rule, 'aws_sns_topic', { name: 't' })).toEqual([]);
  });
});
