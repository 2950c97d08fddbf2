/** API Gateway REST API stages are protected by a WAF web ACL. */
import { defineRule } from '../../../engine/rule';
import { companionResult, companionsOf } from '../data/companions';

const STAGE = 'aws_api_gateway_stage';
const ASSOCIATION = 'aws_wafv2_web_acl_association';

export const apigatewayStageWaf = defineRule({
  id: 'apigateway-stage-waf',
  title: 'API Gateway REST API stages have a WAF web ACL associated',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [STAGE],
  rationale:
    'A public REST API stage without a web ACL takes every request to its integrations: no managed rules ' +
    'against injection and known bad inputs, no rate-based rule against credential stuffing or scraping, no ' +
    `IP reputation filtering. The association is a separate ${ASSOCIATION} whose resource_arn is the stage ` +
    'ARN. Strict: an API behind a CloudFront distribution with its own web ACL, or a private API, may not need one.',
  fix: `Add an ${ASSOCIATION} with resource_arn = <stage>.arn and web_acl_arn = a REGIONAL aws_wafv2_web_acl.`,
  references: {
    checkov: ['CKV2_AWS_29'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html'],
  },
  examples: {
    failing: {
      resourceType: STAGE,
      body: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', deployment_id: '${aws_api_gateway_deployment.api.id}', stage_name: 'prod' },
    },
    passing: {
      resourceType: STAGE,
      body: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', deployment_id: '${aws_api_gateway_deployment.api.id}', stage_name: 'prod' },
      others: { [ASSOCIATION]: { api: { resource_arn: '${aws_api_gateway_stage.example.arn}', web_acl_arn: '${aws_wafv2_web_acl.api.arn}' } } },
    },
  },
  check: (resource, context) =>
    companionResult(companionsOf(resource, context, ASSOCIATION, 'resource_arn', []), ASSOCIATION, 'so no WAF web ACL filters its requests'),
});
