/** REST API stages log execution (errors at least) for every method, through method settings. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import type { ResourceRecord } from '../../../engine/types';
import { describeExpression, isExpression, referencedAddress } from '../../../engine/values';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { companionResult, companionsOf, type Companions } from '../data/companions';

const STAGE = 'aws_api_gateway_stage';
const SETTINGS = 'aws_api_gateway_method_settings';

export const apigatewayExecutionLogging = defineRule({
  id: 'apigateway-execution-logging',
  title: 'API Gateway REST API stages log execution for all methods',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [STAGE, SETTINGS],
  rationale:
    'Execution logs record what API Gateway did with a request: authorizer decisions, throttling, integration ' +
    'errors and time-outs. Without them a rejected or failing call leaves only a status code, and an ' +
    'authorizer that lets the wrong caller through leaves nothing. Execution logging is off (OFF) unless method ' +
    'settings turn it on. Strict: ERROR level is enough for most stages, and INFO costs per request.',
  fix: `Add an \`${SETTINGS}\` with \`rest_api_id\` and \`stage_name\` of the stage, \`method_path = "*/*"\` and \`settings { logging_level = "ERROR" }\` (or INFO).`,
  references: {
    checkov: ['CKV2_AWS_4'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_4',
        kind: 'different',
        why: 'does not require metrics_enabled (metrics are not logs), and requires the settings to cover every method (method_path "*/*")',
      },
    ],
  },
  examples: {
    failing: {
      resourceType: SETTINGS,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: '${aws_api_gateway_stage.prod.stage_name}',
        method_path: '*/*',
        settings: { metrics_enabled: true },
      },
    },
    passing: {
      resourceType: SETTINGS,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: '${aws_api_gateway_stage.prod.stage_name}',
        method_path: '*/*',
        settings: { logging_level: 'ERROR' },
      },
    },
  },
  check(resource, context) {
    if (resource.type === SETTINGS) {
      return forEachBlock(
        resource.body,
        'settings',
        (b) => requireOneOf(b.body, 'logging_level', 'execution logging', ['ERROR', 'INFO'], { path: b.path, defaultValue: 'OFF' }),
        violation('no settings block: execution logging stays OFF', 'settings'),
      );
    }
    return companionResult(allMethodSettings(resource, context), `${SETTINGS} for all methods (*/*)`, 'so execution logging is OFF');
  },
});

/** Method settings for this stage's API and name that cover every method. */
function allMethodSettings(stage: ResourceRecord, context: RuleContext): Companions {
  const all = companionsOf(stage, context, SETTINGS, 'stage_name', ['stage_name']);
  const found: ResourceRecord[] = [];
  const uncertain = [...all.uncertain];
  for (const settings of all.found) {
    const answers = [sameApi(settings.body.rest_api_id, stage.body.rest_api_id), coversAll(settings.body.method_path)];
    if (answers.includes(false)) continue;
    const doubt = answers.find((a): a is string => typeof a === 'string');
    if (doubt === undefined) found.push(settings);
    else uncertain.push({ resource: settings, why: doubt });
  }
  return { found, uncertain };
}

/** true, false, or why it cannot be told. */
function sameApi(a: unknown, b: unknown): boolean | string {
  if (a === b) return true;
  const [ra, rb] = [referencedAddress(a), referencedAddress(b)];
  if (ra !== undefined && rb !== undefined) return ra === rb;
  if (!isExpression(a) && !isExpression(b)) return false;
  return `has rest_api_id ${describeExpression(String(a))}, which may or may not be the stage's API`;
}

function coversAll(path: unknown): boolean | string {
  if (path === '*/*') return true;
  return isExpression(path) ? `has method_path ${describeExpression(path)}` : false;
}
