import { lambdaEnvironmentKms as rule } from '../../../../rules/aws/edge/lambda-environment-kms';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FN = 'aws_lambda_function';
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, FN, { function_name: 'f', ...body }));
const env = { environment: { variables: { A: 'b' } } };

describe('lambda-environment-kms', () => {
  itHonoursItsExamples(rule);
  it('fires for variables without kms_key_arn', () => expect(run(env)).toEqual(['violation']));
  it('is quiet with a key, or without variables', () => {
    expect(run({ ...env, kms_key_arn: '${aws_kms_key.k.arn}' })).toEqual([]);
    expect(run({})).toEqual([]);
    expect(run({ environment: { variables: {} } })).toEqual([]);
  });
  it('is unknown for a key that is a variable', () => expect(run({ ...env, kms_key_arn: '${var.key}' })).toEqual(['unknown']));
});
