import { sqsQueuePolicyNotPublic as rule } from '../../../../rules/aws/datastores/sqs-queue-policy-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { policyJson } from '../policy/helpers';

const OPEN = { Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' };

describe('sqs-queue-policy-not-public', () => {
  itHonoursItsExamples(rule);

  for (const [type, base] of [
    ['aws_sqs_queue_policy', { queue_url: '${aws_sqs_queue.q.id}' }],
    ['aws_sqs_queue', { name: 'q' }],
  ] as const) {
    describe(type, () => {
      it('fires for Principal "*" without a condition, or with a condition that does not limit accounts', () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([OPEN]) }))).toEqual(['violation']);
        const secure = { ...OPEN, Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([secure]) }))).toEqual(['violation']);
      });
      it('is quiet with aws:SourceArn', () => {
        const fromTopic = { ...OPEN, Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:jobs' } } };
        expect(findingsFor(rule, type, { ...base, policy: policyJson([fromTopic]) })).toEqual([]);
      });
      it('is unknown when the condition value is an expression', () => {
        const maybe = { ...OPEN, Condition: { ArnLike: { 'aws:SourceArn': '${var.source}' } } };
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([maybe]) }))).toEqual(['unknown']);
      });
    });
  }

  it('is quiet for a queue without a policy', () => expect(findingsFor(rule, 'aws_sqs_queue', { name: 'q' })).toEqual([]));
});
