import { lambdaFunctionUrlAuth as rule } from '../../../../rules/aws/edge/lambda-function-url-auth';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const URL = 'aws_lambda_function_url';
const run = (type: unknown) => kinds(findingsFor(rule, URL, { function_name: 'f', authorization_type: type }));

describe('lambda-function-url-auth', () => {
  itHonoursItsExamples(rule);
  it('fires for NONE', () => expect(run('NONE')).toEqual(['violation']));
  it('is quiet for AWS_IAM', () => expect(run('AWS_IAM')).toEqual([]));
  it('is unknown for an expression', () => expect(run('${var.auth}')).toEqual(['unknown']));
});
