/** AWS Config recorders are started: a recorder is created stopped, and only its status resource starts it. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';
import { companionResult, companionsOf } from '../data/companions';

const RECORDER = 'aws_config_configuration_recorder';
const STATUS = 'aws_config_configuration_recorder_status';

export const configRecorderEnabled = defineRule({
  id: 'config-recorder-enabled',
  title: 'AWS Config recorders are started',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: [RECORDER, STATUS],
  rationale:
    'A configuration recorder records nothing until it is started: without an aws_config_configuration_recorder_status ' +
    '(or with `is_enabled = false`) the account has Config set up on paper and no configuration history, no ' +
    'compliance evaluation and no record of what a resource looked like before an incident.',
  fix: `Add an \`${STATUS}\` with \`name = ${RECORDER}.<name>.name\` and \`is_enabled = true\` (and a delivery channel it depends on).`,
  references: {
    checkov: ['CKV2_AWS_45'],
    docs: ['https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html'],
  },
  examples: {
    failing: { resourceType: STATUS, body: { name: '${aws_config_configuration_recorder.main.name}', is_enabled: false } },
    passing: { resourceType: STATUS, body: { name: '${aws_config_configuration_recorder.main.name}', is_enabled: true } },
  },
  check(resource, context) {
    if (resource.type === STATUS) return requireBool(resource.body, 'is_enabled', 'a running recorder');
    // The recorder's name defaults to "default"; a status may name it literally.
    const recorder = { ...resource, body: { name: 'default', ...resource.body } };
    const statuses = companionsOf(recorder, context, STATUS, 'name', ['name']);
    // The status found is checked on its own (is_enabled).
    return companionResult(statuses, STATUS, 'so it never starts recording');
  },
});
