/** No SNS topic policy lets every AWS account publish to or subscribe to a topic. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS } from '../policy';
import { policyNotOpen } from './common';

export const snsTopicPolicyNotPublic = defineRule({
  id: 'sns-topic-policy-not-public',
  title: 'SNS topic policies do not allow Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_sns_topic', 'aws_sns_topic_policy'],
  rationale:
    'A topic policy statement that allows Principal "*" lets any AWS account act on the topic: subscribe an ' +
    'endpoint of its own and receive every message, or publish forged alerts and events to everything ' +
    'downstream. The legitimate uses (an S3 bucket, a CloudWatch alarm or another account publishing) are ' +
    `expressed with a condition on one of ${ACCOUNT_BOUNDING_KEYS.join(', ')}, as the default topic policy does with aws:SourceOwner.`,
  fix:
    'Name the principals (`{"Service": "s3.amazonaws.com"}`, an account root or role), or add a condition such ' +
    'as `StringEquals: { "aws:SourceAccount": "<account id>" }` or `ArnLike: { "aws:SourceArn": "<bucket arn>" }`.',
  references: {
    checkov: ['CKV_AWS_169'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_169',
        kind: 'stricter',
        why:
          'checkov reads aws_sns_topic_policy only; the inline `policy` of aws_sns_topic is read too, and a policy that cannot be read ' +
          '(jsonencode, a variable) is unknown where checkov passes it.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_sns_topic_policy',
      body: {
        arn: '${aws_sns_topic.alerts.arn}',
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Subscribe', Resource: '*' }] }),
      },
    },
    passing: {
      resourceType: 'aws_sns_topic_policy',
      body: {
        arn: '${aws_sns_topic.alerts.arn}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: '*',
              Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    return policyNotOpen(resource, context, 'policy', 'no policy: the default topic policy allows only the owning account');
  },
});
