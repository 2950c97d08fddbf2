import { apigatewayMethodAuthorization as rule } from '../../../../rules/aws/edge/apigateway-method-authorization';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const M = 'aws_api_gateway_method';
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, M, { rest_api_id: 'a', resource_id: 'r', ...body }));

describe('apigateway-method-authorization', () => {
  itHonoursItsExamples(rule);

  it('fires for authorization NONE, even with an API key', () => {
    expect(run({ http_method: 'GET', authorization: 'NONE' })).toEqual(['violation']);
    expect(run({ http_method: 'POST', authorization: 'NONE', api_key_required: true })).toEqual(['violation']);
  });

  it('is quiet for authorizers and IAM, and for OPTIONS', () => {
    for (const authorization of ['AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM']) expect(run({ http_method: 'GET', authorization })).toEqual([]);
    expect(run({ http_method: 'OPTIONS', authorization: 'NONE' })).toEqual([]);
  });

  it('is unknown for an expression, or NONE on a method that may be OPTIONS', () => {
    expect(run({ http_method: 'GET', authorization: '${var.auth}' })).toEqual(['unknown']);
    expect(run({ http_method: '${each.key}', authorization: 'NONE' })).toEqual(['unknown']);
  });
});
