import { apigatewayXray as rule } from '../../../../rules/aws/logging/apigateway-xray';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const S = 'aws_api_gateway_stage';
const stage = (extra: Record<string, unknown> = {}) => ({ rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod', ...extra });

describe('apigateway-xray', () => {
  itHonoursItsExamples(rule);

  it('fires when xray_tracing_enabled is unset (false) or false', () => {
    expect(kinds(findingsFor(rule, S, stage()))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, S, stage({ xray_tracing_enabled: false })))).toEqual(['violation']);
  });
  it('stays quiet when true', () => expect(findingsFor(rule, S, stage({ xray_tracing_enabled: true }))).toEqual([]));
  it('is unknown for an expression', () => expect(kinds(findingsFor(rule, S, stage({ xray_tracing_enabled: '${var.trace}' })))).toEqual(['unknown']));
});
