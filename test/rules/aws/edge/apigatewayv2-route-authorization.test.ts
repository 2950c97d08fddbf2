import { apigatewayv2RouteAuthorization as rule } from '../../../../rules/aws/edge/apigatewayv2-route-authorization';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_apigatewayv2_route';
const api = (protocol: string) => ({ resource: { aws_apigatewayv2_api: { api: { name: 'a', protocol_type: protocol } } } });
const run = (body: Record<string, unknown>, extra = {}) => kinds(findingsFor(rule, R, { api_id: '${aws_apigatewayv2_api.api.id}', ...body }, extra));

describe('apigatewayv2-route-authorization', () => {
  itHonoursItsExamples(rule);

  it('fires for HTTP routes without authorization (NONE is the default)', () => {
    expect(run({ route_key: 'GET /items' })).toEqual(['violation']);
    expect(run({ route_key: '$default', authorization_type: 'NONE' }, api('HTTP'))).toEqual(['violation']);
    expect(run({ route_key: '$connect' }, api('WEBSOCKET'))).toEqual(['violation']);
  });

  it('is quiet with an authorizer, for OPTIONS, and for WebSocket routes other than $connect', () => {
    expect(run({ route_key: 'GET /items', authorization_type: 'AWS_IAM' })).toEqual([]);
    expect(run({ route_key: 'OPTIONS /items' })).toEqual([]);
    expect(run({ route_key: 'sendMessage' }, api('WEBSOCKET'))).toEqual([]);
    expect(run({ route_key: '$disconnect' })).toEqual([]);
  });

  it('is unknown for expressions, or a $default route of an API that is not in the stack', () => {
    expect(run({ route_key: 'GET /items', authorization_type: '${var.auth}' })).toEqual(['unknown']);
    expect(run({ route_key: '${var.route}' })).toEqual(['unknown']);
    expect(run({ route_key: '$default' })).toEqual(['unknown']);
  });
});
