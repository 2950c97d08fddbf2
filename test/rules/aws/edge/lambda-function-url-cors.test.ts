import { lambdaFunctionUrlCors as rule } from '../../../../rules/aws/edge/lambda-function-url-cors';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const URL = 'aws_lambda_function_url';
const run = (cors: unknown) => kinds(findingsFor(rule, URL, { function_name: 'f', authorization_type: 'AWS_IAM', cors }));

describe('lambda-function-url-cors', () => {
  itHonoursItsExamples(rule);

  it('fires for "*" origins with credentials, or with methods beyond GET and HEAD', () => {
    expect(run({ allow_origins: ['*'], allow_methods: ['GET'], allow_credentials: true })).toEqual(['violation']);
    expect(run({ allow_origins: ['*'], allow_methods: ['POST'] })).toEqual(['violation']);
    expect(run({ allow_origins: ['*'], allow_methods: ['*'] })).toEqual(['violation']);
  });

  it('is quiet for named origins, "*" reads, or no cors block', () => {
    expect(run({ allow_origins: ['https://a.example.com'], allow_methods: ['*'], allow_credentials: true })).toEqual([]);
    expect(run({ allow_origins: ['*'], allow_methods: ['GET', 'HEAD'] })).toEqual([]);
    expect(kinds(findingsFor(rule, URL, { function_name: 'f', authorization_type: 'AWS_IAM' }))).toEqual([]);
  });

  it('is unknown for expressions that decide it', () => {
    expect(run({ allow_origins: '${var.origins}', allow_methods: ['POST'] })).toEqual(['unknown']);
    expect(run({ allow_origins: ['*'], allow_methods: ['${var.m}'] })).toEqual(['unknown']);
    expect(run({ allow_origins: ['*'], allow_methods: ['GET'], allow_credentials: '${var.c}' })).toEqual(['unknown']);
  });
});
