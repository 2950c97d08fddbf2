import { lambdaDeadLetterQueue as rule } from '../../../../rules/aws/edge/lambda-dead-letter-queue';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FN = 'aws_lambda_function';
const invokeConfig = (functionName: string, destination: Record<string, unknown> = { on_failure: { destination: '${aws_sqs_queue.f.arn}' } }) => ({
  resource: { aws_lambda_function_event_invoke_config: { c: { function_name: functionName, destination_config: destination } } },
});

describe('lambda-dead-letter-queue', () => {
  itHonoursItsExamples(rule);

  it('fires without a DLQ or an on_failure destination', () => {
    expect(kinds(findingsFor(rule, FN, { function_name: 'f' }))).toEqual(['violation']);
    expect(
      kinds(findingsFor(rule, FN, { function_name: 'f' }, invokeConfig('${aws_lambda_function.subject.function_name}', { on_success: { destination: 'x' } }))),
    ).toEqual(['violation']);
    expect(kinds(findingsFor(rule, FN, { function_name: 'f' }, invokeConfig('${aws_lambda_function.other.function_name}')))).toEqual(['violation']);
  });

  it('is quiet with a DLQ, or an on_failure destination for it (by reference or name)', () => {
    expect(findingsFor(rule, FN, { function_name: 'f', dead_letter_config: { target_arn: '${aws_sqs_queue.dlq.arn}' } })).toEqual([]);
    expect(findingsFor(rule, FN, { function_name: 'f' }, invokeConfig('${aws_lambda_function.subject.arn}'))).toEqual([]);
    expect(findingsFor(rule, FN, { function_name: 'f' }, invokeConfig('f'))).toEqual([]);
  });

  it('is unknown for a DLQ target that is a variable, or an invoke config that may be for it', () => {
    expect(kinds(findingsFor(rule, FN, { function_name: 'f', dead_letter_config: { target_arn: '${var.dlq}' } }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, FN, { function_name: 'f' }, invokeConfig('${var.fn}')))).toEqual(['unknown']);
  });
});
