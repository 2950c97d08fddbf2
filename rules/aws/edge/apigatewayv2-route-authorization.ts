/** API Gateway v2 (HTTP and WebSocket) routes require authorization where the protocol allows it. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import type { ResourceRecord } from '../../../engine/types';
import { describeExpression, known, maybe, referencedAddress, stringAttr, type Answer } from '../../../engine/values';
import { requireOneOf } from '../../common/shapes';

const ROUTE = 'aws_apigatewayv2_route';

/** Whether the route belongs to a WebSocket API: from its api_id's aws_apigatewayv2_api, or its route key. */
function isWebSocket(route: ResourceRecord, routeKey: string | undefined, context: RuleContext): Answer {
  if (routeKey !== undefined && ['$connect', '$disconnect'].includes(routeKey)) return known(true);
  const apiId = route.body.api_id;
  const address = referencedAddress(apiId);
  const api = address ? context.resourceAt(address) : undefined;
  if (api?.type === 'aws_apigatewayv2_api') {
    const protocol = stringAttr(api.body, 'protocol_type');
    if (protocol.state === 'known') return known(protocol.value.toUpperCase() === 'WEBSOCKET');
    if (protocol.state === 'unknown') return maybe(`${api.address}.protocol_type is ${describeExpression(protocol.expression)}`);
  }
  // An HTTP API route key is "$default" or "METHOD /path"; anything else is a WebSocket route selection value.
  if (routeKey !== undefined && (routeKey === '$default' || /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//i.test(routeKey))) {
    return routeKey === '$default' ? maybe(`whether ${String(apiId)} is a WebSocket API`) : known(false);
  }
  return routeKey === undefined ? maybe('route_key is not known') : known(true);
}

export const apigatewayv2RouteAuthorization = defineRule({
  id: 'apigatewayv2-route-authorization',
  title: 'API Gateway v2 routes require authorization (except OPTIONS and WebSocket routes other than $connect)',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [ROUTE],
  rationale:
    'authorization_type defaults to "NONE": every route of an HTTP API is public unless it names a JWT, IAM or ' +
    'Lambda authorizer, so anyone on the internet reaches the integration behind it. A WebSocket API ' +
    'authorizes only its $connect route (the other routes run on the authorized connection), so those are not ' +
    'checked; neither are OPTIONS routes (CORS preflight). An intentionally public route is suppressed with its reason.',
  fix: 'Set authorization_type = "JWT" (with authorizer_id), "AWS_IAM" or "CUSTOM" (with a Lambda authorizer_id) on the route.',
  references: {
    checkov: ['CKV_AWS_309'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html'],
  },
  examples: {
    failing: {
      resourceType: ROUTE,
      body: { api_id: '${aws_apigatewayv2_api.api.id}', route_key: 'POST /orders', target: 'integrations/${aws_apigatewayv2_integration.orders.id}' },
    },
    passing: {
      resourceType: ROUTE,
      body: {
        api_id: '${aws_apigatewayv2_api.api.id}',
        route_key: 'POST /orders',
        authorization_type: 'JWT',
        authorizer_id: '${aws_apigatewayv2_authorizer.cognito.id}',
      },
    },
  },
  check(resource, context) {
    const key = stringAttr(resource.body, 'route_key');
    const routeKey = key.state === 'known' ? key.value.trim() : undefined;
    if (routeKey !== undefined && /^OPTIONS /i.test(routeKey)) return notApplicable('an OPTIONS (CORS preflight) route');
    const websocket = isWebSocket(resource, routeKey, context);
    if (websocket.state === 'known' && websocket.value && routeKey !== '$connect')
      return notApplicable('a WebSocket route other than $connect: only $connect is authorized');
    const result = requireOneOf(resource.body, 'authorization_type', 'authorization', ['JWT', 'AWS_IAM', 'CUSTOM'], { defaultValue: 'NONE' });
    if (result.status !== 'violation') return result;
    if (key.state === 'unknown') return unknown(`${result.message}, and route_key is ${describeExpression(key.expression)}`, 'route_key');
    if (websocket.state === 'unknown' && routeKey !== '$connect')
      return unknown(`${result.message}, unless it is a WebSocket route (${websocket.expression})`, 'api_id');
    return result;
  },
});
