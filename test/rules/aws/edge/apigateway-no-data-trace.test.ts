import { apigatewayNoDataTrace as rule } from '../../../../rules/aws/edge/apigateway-no-data-trace';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const MS = 'aws_api_gateway_method_settings';
const run = (settings: unknown) => kinds(findingsFor(rule, MS, { rest_api_id: 'a', stage_name: 's', method_path: '*/*', settings }));

describe('apigateway-no-data-trace', () => {
  itHonoursItsExamples(rule);
  it('fires for data_trace_enabled = true', () => expect(run({ data_trace_enabled: true })).toEqual(['violation']));
  it('is quiet when false or unset', () => {
    expect(run({ data_trace_enabled: false })).toEqual([]);
    expect(run({ logging_level: 'ERROR' })).toEqual([]);
  });
  it('is unknown for an expression', () => expect(run({ data_trace_enabled: '${var.trace}' })).toEqual(['unknown']));
});
