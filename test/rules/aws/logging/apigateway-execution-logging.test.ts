import { apigatewayExecutionLogging as rule } from '../../../../rules/aws/logging/apigateway-execution-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const S = 'aws_api_gateway_stage';
const M = 'aws_api_gateway_method_settings';
const stage = { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod', deployment_id: '${aws_api_gateway_deployment.d.id}' };
const method = (extra: Record<string, unknown> = {}, logging_level: unknown = 'ERROR') => ({
  rest_api_id: '${aws_api_gateway_rest_api.api.id}',
  stage_name: '${aws_api_gateway_stage.subject.stage_name}',
  method_path: '*/*',
  settings: { logging_level },
  ...extra,
});
const withSettings = (body: Record<string, unknown>) => ({ resource: { [M]: { all: body } } });

describe('apigateway-execution-logging', () => {
  itHonoursItsExamples(rule);

  describe(M, () => {
    it('fires when logging_level is unset (OFF) or OFF, or there is no settings block', () => {
      expect(kinds(findingsFor(rule, M, method({ settings: { metrics_enabled: true } })))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, M, method({}, 'OFF')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, M, method({ settings: undefined })))).toEqual(['violation']);
    });
    it('stays quiet at ERROR or INFO', () => {
      expect(findingsFor(rule, M, method())).toEqual([]);
      expect(findingsFor(rule, M, method({}, 'INFO'))).toEqual([]);
    });
    it('is unknown for an expression', () => expect(kinds(findingsFor(rule, M, method({}, '${var.level}')))).toEqual(['unknown']));
  });

  describe(S, () => {
    it('fires without method settings for all its methods', () => {
      expect(kinds(findingsFor(rule, S, stage))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ method_path: 'users/GET' }))))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ rest_api_id: '${aws_api_gateway_rest_api.other.id}' }))))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ rest_api_id: '${var.api}', method_path: 'users/GET' }))))).toEqual(['violation']);
    });
    it('stays quiet with method settings for */* of its API and stage, by reference or by name', () => {
      expect(findingsFor(rule, S, stage, withSettings(method()))).toEqual([]);
      expect(findingsFor(rule, S, stage, withSettings(method({ stage_name: 'prod' })))).toEqual([]);
    });
    it('is unknown when settings may be for it', () => {
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ stage_name: '${var.stage}' }))))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ rest_api_id: '${var.api}' }))))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, S, stage, withSettings(method({ method_path: '${var.path}' }))))).toEqual(['unknown']);
    });
  });
});
