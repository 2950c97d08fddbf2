/** Failed asynchronous Lambda invocations are kept: a dead-letter queue or an on-failure destination. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blockPresence, blocks } from '../../../engine/values';
import { forEachBlock, requirePresent } from '../../common/shapes';
import { companionsOf } from '../data/companions';

const FUNCTION = 'aws_lambda_function';
const INVOKE_CONFIG = 'aws_lambda_function_event_invoke_config';

/** Whether an event invoke config pointing at the function sends failures somewhere. */
function onFailureDestination(fn: ResourceRecord, context: RuleContext): CheckResult | undefined {
  const companions = companionsOf(fn, context, INVOKE_CONFIG, 'function_name', ['function_name']);
  const hasOnFailure = (config: ResourceRecord) =>
    blocks(config.body, 'destination_config').occurrences.map((d) => blockPresence(blocks(d.body, 'on_failure')));
  for (const config of companions.found) {
    const answers = hasOnFailure(config);
    if (answers.some((a) => a.state === 'known' && a.value)) return pass(`${config.address} sends failed invocations to an on_failure destination`);
    const doubt = answers.find((a) => a.state === 'unknown');
    if (doubt && doubt.state === 'unknown') return unknown(`${config.address} has an on_failure destination only if ${doubt.expression} is not empty`);
  }
  const [uncertain] = companions.uncertain;
  return uncertain ? unknown(`${uncertain.resource.address} may send its failures somewhere: it ${uncertain.why}`) : undefined;
}

export const lambdaDeadLetterQueue = defineRule({
  id: 'lambda-dead-letter-queue',
  title: 'Lambda functions keep failed asynchronous events (dead-letter queue or on-failure destination)',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: [FUNCTION],
  rationale:
    'Events from S3, SNS, EventBridge and other asynchronous sources are retried twice and then dropped: ' +
    'a bug, a throttle or a dependency outage silently loses them (uploads never processed, alerts never ' +
    'sent). A dead-letter queue (dead_letter_config) or an on_failure destination in an ' +
    'aws_lambda_function_event_invoke_config keeps them for inspection and replay. Strict: functions that ' +
    'are only invoked synchronously (API Gateway, function URLs) or from streams and queues never use it.',
  fix:
    'Add dead_letter_config { target_arn = <SQS queue or SNS topic ARN> } (and sqs:SendMessage / sns:Publish for ' +
    'the role), or an aws_lambda_function_event_invoke_config with destination_config { on_failure { destination = … } }.',
  references: {
    checkov: ['CKV_AWS_116'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_116',
        kind: 'looser',
        why: 'an on_failure destination in an aws_lambda_function_event_invoke_config for the function counts as well: it keeps failed events like a DLQ does.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html'],
  },
  examples: {
    failing: { resourceType: FUNCTION, body: { function_name: 'thumbnails', runtime: 'python3.13' } },
    passing: {
      resourceType: FUNCTION,
      body: { function_name: 'thumbnails', runtime: 'python3.13', dead_letter_config: { target_arn: '${aws_sqs_queue.thumbnails_dlq.arn}' } },
    },
  },
  check(resource, context) {
    const destination = () => onFailureDestination(resource, context);
    const missing = () =>
      destination() ?? violation('no dead_letter_config and no on_failure destination: failed asynchronous events are dropped', 'dead_letter_config');
    const dlq = forEachBlock(
      resource.body,
      'dead_letter_config',
      (config) => requirePresent(config.body, 'target_arn', 'a dead-letter queue', { path: config.path }),
      missing,
    );
    // A DLQ that is not certainly there may be made up for by a destination.
    if (dlq.some((r) => r.status === 'pass')) return dlq;
    return destination() ?? dlq;
  },
});
