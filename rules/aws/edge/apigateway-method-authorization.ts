/** API Gateway REST API methods require an authorizer or IAM (CORS preflight excepted). */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import { describeExpression, stringAttr } from '../../../engine/values';
import { requireOneOf } from '../../common/shapes';

const METHOD = 'aws_api_gateway_method';

export const apigatewayMethodAuthorization = defineRule({
  id: 'apigateway-method-authorization',
  title: 'API Gateway REST API methods require authorization (except OPTIONS)',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [METHOD],
  rationale:
    'A method with authorization = "NONE" lets anyone on the internet call the integration behind it (a Lambda ' +
    "function, a backend, an AWS service with the API's role). An API key (api_key_required) does not change " +
    'that: keys identify a usage plan, are sent in clear headers and are often embedded in web and mobile ' +
    'clients; AWS says not to use them for authorization. OPTIONS methods (CORS preflight, which browsers send ' +
    'without credentials) are not checked. An intentionally public method is suppressed with its reason.',
  fix: 'Set authorization = "AWS_IAM", "COGNITO_USER_POOLS" (with authorizer_id) or "CUSTOM" (a Lambda authorizer, with authorizer_id).',
  references: {
    checkov: ['CKV_AWS_59', 'CKV2_AWS_70'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_59',
        kind: 'stricter',
        why: 'api_key_required = true does not count as authorization: API keys are for usage plans, and AWS advises against using them for access control.',
      },
      {
        peer: 'checkov',
        check: 'CKV2_AWS_70',
        kind: 'stricter',
        why: 'api_key_required = true does not count as authorization: API keys are for usage plans, and AWS advises against using them for access control.',
      },
    ],
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html',
    ],
  },
  examples: {
    failing: {
      resourceType: METHOD,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        resource_id: '${aws_api_gateway_resource.orders.id}',
        http_method: 'POST',
        authorization: 'NONE',
      },
    },
    passing: {
      resourceType: METHOD,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        resource_id: '${aws_api_gateway_resource.orders.id}',
        http_method: 'POST',
        authorization: 'AWS_IAM',
      },
    },
  },
  check(resource) {
    const method = stringAttr(resource.body, 'http_method');
    if (method.state === 'known' && method.value.trim().toUpperCase() === 'OPTIONS') return notApplicable('an OPTIONS (CORS preflight) method');
    const result = requireOneOf(resource.body, 'authorization', 'authorization', ['AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM']);
    if (method.state === 'unknown' && result.status === 'violation') {
      return unknown(`${result.message}, unless http_method (${describeExpression(method.expression)}) is OPTIONS`, 'http_method');
    }
    return result;
  },
});
