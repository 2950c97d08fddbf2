/** API Gateway does not log full requests and responses. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock, requireBool } from '../../common/shapes';

const SETTINGS = 'aws_api_gateway_method_settings';

export const apigatewayNoDataTrace = defineRule({
  id: 'apigateway-no-data-trace',
  title: 'API Gateway method settings do not enable data trace logging',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [SETTINGS],
  rationale:
    'data_trace_enabled writes full request and response data to CloudWatch Logs: Authorization headers, API ' +
    'keys, session tokens, passwords in bodies and personal data, readable by everyone who can read the log ' +
    'group and kept for its whole retention. AWS recommends it for troubleshooting only, never in production. ' +
    'Strict: it is sometimes turned on briefly in a test stage.',
  fix: 'Set settings { data_trace_enabled = false } and use access logging (aws_api_gateway_stage access_log_settings) with a chosen format instead.',
  references: {
    checkov: ['CKV_AWS_276'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html'],
  },
  examples: {
    failing: {
      resourceType: SETTINGS,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: 'prod',
        method_path: '*/*',
        settings: { logging_level: 'INFO', data_trace_enabled: true },
      },
    },
    passing: {
      resourceType: SETTINGS,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: 'prod',
        method_path: '*/*',
        settings: { logging_level: 'INFO', data_trace_enabled: false },
      },
    },
  },
  check: (resource) =>
    forEachBlock(resource.body, 'settings', (settings) =>
      requireBool(settings.body, 'data_trace_enabled', 'no full request/response logging', { path: settings.path, expected: false, defaultValue: false }),
    ),
});
