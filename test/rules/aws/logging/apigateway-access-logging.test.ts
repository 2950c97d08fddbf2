import { apigatewayAccessLogging as rule } from '../../../../rules/aws/logging/apigateway-access-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const settings = (destination_arn: unknown) => ({ access_log_settings: { destination_arn, format: '$context.requestId' } });
const stages: [string, Record<string, unknown>][] = [
  ['aws_api_gateway_stage', { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod', deployment_id: '${aws_api_gateway_deployment.d.id}' }],
  ['aws_apigatewayv2_stage', { api_id: '${aws_apigatewayv2_api.http.id}', name: '$default' }],
];

describe('apigateway-access-logging', () => {
  itHonoursItsExamples(rule);

  describe.each(stages)('%s', (type, stage) => {
    it('fires without access_log_settings', () => expect(kinds(findingsFor(rule, type, stage))).toEqual(['violation']));
    it('stays quiet with a destination', () => {
      expect(findingsFor(rule, type, { ...stage, ...settings('${aws_cloudwatch_log_group.api.arn}') })).toEqual([]);
    });
    it('is unknown for a destination that may be null', () => {
      expect(kinds(findingsFor(rule, type, { ...stage, ...settings('${var.log_group}') }))).toEqual(['unknown']);
    });
  });
});
