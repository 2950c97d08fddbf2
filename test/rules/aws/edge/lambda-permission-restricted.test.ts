import { lambdaPermissionRestricted as rule } from '../../../../rules/aws/edge/lambda-permission-restricted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const P = 'aws_lambda_permission';
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, P, { action: 'lambda:InvokeFunction', function_name: 'f', ...body }));

describe('lambda-permission-restricted', () => {
  itHonoursItsExamples(rule);

  it('fires for "*" and for a service principal without a source', () => {
    expect(run({ principal: '*' })).toEqual(['violation']);
    expect(run({ principal: 'sns.amazonaws.com' })).toEqual(['violation']);
    expect(run({ principal: 'events.amazonaws.com', principal_org_id: 'o-abc' })).toEqual(['violation']);
    expect(run({ principal: 's3.amazonaws.com', source_arn: '' })).toEqual(['violation']);
  });

  it('is quiet for accounts, and for sources that bound the grant', () => {
    expect(run({ principal: '111122223333' })).toEqual([]);
    expect(run({ principal: 'arn:aws:iam::111122223333:role/caller' })).toEqual([]);
    expect(run({ principal: 'sns.amazonaws.com', source_arn: '${aws_sns_topic.alerts.arn}' })).toEqual([]);
    expect(run({ principal: 's3.amazonaws.com', source_account: '111122223333' })).toEqual([]);
    expect(run({ principal: '*', principal_org_id: 'o-abc' })).toEqual([]);
    // corpus: serverless-posts. A template with literal text is never empty.
    expect(run({ principal: 'apigateway.amazonaws.com', source_arn: '${aws_apigatewayv2_api.http-api.execution_arn}/*/*' })).toEqual([]);
  });

  it('is unknown for an expression principal, or a source that may be empty', () => {
    expect(run({ principal: '${var.principal}' })).toEqual(['unknown']);
    expect(run({ principal: 'apigateway.amazonaws.com', source_arn: '${var.api_arn}' })).toEqual(['unknown']);
  });
});
