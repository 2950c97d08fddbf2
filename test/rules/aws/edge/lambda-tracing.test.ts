import { lambdaTracing as rule } from '../../../../rules/aws/edge/lambda-tracing';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FN = 'aws_lambda_function';
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, FN, { function_name: 'f', ...body }));

describe('lambda-tracing', () => {
  itHonoursItsExamples(rule);
  it('fires for PassThrough and for no tracing_config', () => {
    expect(run({ tracing_config: { mode: 'PassThrough' } })).toEqual(['violation']);
    expect(run({})).toEqual(['violation']);
  });
  it('is quiet for Active', () => expect(run({ tracing_config: { mode: 'Active' } })).toEqual([]));
  it('is unknown for an expression', () => expect(run({ tracing_config: { mode: '${var.mode}' } })).toEqual(['unknown']));
});
