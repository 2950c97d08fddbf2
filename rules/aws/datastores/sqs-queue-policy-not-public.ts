/** No SQS queue policy lets every AWS account send to or receive from a queue. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS } from '../policy';
import { policyNotOpen } from './common';

export const sqsQueuePolicyNotPublic = defineRule({
  id: 'sqs-queue-policy-not-public',
  title: 'SQS queue policies do not allow Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_sqs_queue', 'aws_sqs_queue_policy'],
  rationale:
    'A queue policy statement that allows Principal "*" lets any AWS account act on the queue: receive and ' +
    'delete its messages, or inject messages that consumers trust and process. Queues fed by SNS, S3 or ' +
    'EventBridge need a statement for the service, tied to the source with a condition on one of ' +
    `${ACCOUNT_BOUNDING_KEYS.join(', ')}.`,
  fix:
    'Name the principals, or add a condition such as `ArnEquals: { "aws:SourceArn": "<topic arn>" }` or ' +
    '`StringEquals: { "aws:SourceAccount": "<account id>" }` to a statement for `{"Service": "sns.amazonaws.com"}`.',
  references: {
    checkov: ['CKV_AWS_168'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_168',
        kind: 'stricter',
        why: 'a policy that cannot be read (jsonencode, a variable, a data source outside the stack) is unknown here, where checkov passes it; only account-limiting condition keys clear Principal "*".',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_sqs_queue_policy',
      body: {
        queue_url: '${aws_sqs_queue.jobs.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:ReceiveMessage', Resource: '*' }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_sqs_queue_policy',
      body: {
        queue_url: '${aws_sqs_queue.jobs.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: '*',
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:jobs' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    return policyNotOpen(resource, context, 'policy', 'no policy: only the owning account has access to the queue');
  },
});
