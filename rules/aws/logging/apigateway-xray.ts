/** REST API stages trace requests with X-Ray, so a slow or failing call can be followed downstream. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const apigatewayXray = defineRule({
  id: 'apigateway-xray',
  title: 'API Gateway REST API stages have X-Ray tracing',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_api_gateway_stage'],
  rationale:
    'Tracing follows a request from the API through Lambda, databases and queues: it shows which call an ' +
    'abusive request reached and where an error or time-out came from, which logs of separate services ' +
    'cannot join up. Strict: it is observability more than security, and sampled traces cost money.',
  fix: 'Set `xray_tracing_enabled = true` on the stage (it defaults to false).',
  references: {
    checkov: ['CKV_AWS_73'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_api_gateway_stage',
      body: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod', deployment_id: '${aws_api_gateway_deployment.api.id}' },
    },
    passing: {
      resourceType: 'aws_api_gateway_stage',
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: 'prod',
        deployment_id: '${aws_api_gateway_deployment.api.id}',
        xray_tracing_enabled: true,
      },
    },
  },
  check(resource) {
    return requireBool(resource.body, 'xray_tracing_enabled', 'X-Ray tracing', { defaultValue: false });
  },
});
