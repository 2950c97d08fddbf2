/** API Gateway stages write access logs: who called which route, from where, with what result. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock } from '../../common/shapes';
import { requireSet } from './shared';

export const apigatewayAccessLogging = defineRule({
  id: 'apigateway-access-logging',
  title: 'API Gateway stages write access logs',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
  rationale:
    'Access logs are the record of every call to the API (caller address, identity, route, status, latency): ' +
    'what shows credential stuffing, enumeration or a leaked key being used. API Gateway writes none unless ' +
    'told where. Strict: like load balancer access logs, they cost per request.',
  fix: 'Add `access_log_settings { destination_arn = <log group>.arn, format = jsonencode({...}) }` (the account needs an API Gateway CloudWatch role for REST APIs).',
  references: {
    checkov: ['CKV_AWS_76'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html'],
  },
  examples: {
    failing: { resourceType: 'aws_apigatewayv2_stage', body: { api_id: '${aws_apigatewayv2_api.http.id}', name: '$default' } },
    passing: {
      resourceType: 'aws_apigatewayv2_stage',
      body: {
        api_id: '${aws_apigatewayv2_api.http.id}',
        name: '$default',
        access_log_settings: { destination_arn: '${aws_cloudwatch_log_group.api.arn}', format: '$context.requestId $context.status' },
      },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'access_log_settings',
      (b) => requireSet(b.body, 'destination_arn', 'an access log destination', { path: b.path }),
      violation('no access_log_settings block: no access logs are written', 'access_log_settings'),
    );
  },
});
