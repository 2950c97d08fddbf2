/** AWS Config records every supported resource type, so no kind of resource changes unrecorded. */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import { forEachBlock, requireBool, requireOneOf } from '../../common/shapes';

const ALL = 'ALL_SUPPORTED_RESOURCE_TYPES';

export const configRecorderAllResources = defineRule({
  id: 'config-recorder-all-resources',
  title: 'AWS Config recorders record all supported resource types',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_config_configuration_recorder'],
  rationale:
    'A recorder limited to a list of types (or excluding some) keeps no configuration history for the rest: ' +
    'a resource of a type nobody listed, or of one AWS adds later, is created, opened up and deleted without a ' +
    'trace, and Config rules never evaluate it.',
  fix:
    'Leave `recording_group` out, or set `all_supported = true` in it (the default) without a `recording_strategy` ' +
    `other than \`use_only = "${ALL}"\`; lower the cost of noisy types with \`recording_mode\` (daily recording) instead of excluding them.`,
  references: {
    checkov: ['CKV2_AWS_45'],
    docs: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_45',
        kind: 'different',
        why: 'checks the recorder itself, including its recording_strategy; whether the recorder is running is config-recorder-enabled',
      },
    ],
  },
  examples: {
    failing: {
      resourceType: 'aws_config_configuration_recorder',
      body: { name: 'main', role_arn: '${aws_iam_role.config.arn}', recording_group: { all_supported: false, resource_types: ['AWS::EC2::Instance'] } },
    },
    passing: { resourceType: 'aws_config_configuration_recorder', body: { name: 'main', role_arn: '${aws_iam_role.config.arn}' } },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'recording_group',
      (group) => [
        requireBool(group.body, 'all_supported', 'recording of every supported type', { path: group.path, defaultValue: true }),
        ...forEachBlock(group.body, 'recording_strategy', (s) =>
          requireOneOf(s.body, 'use_only', 'recording of every supported type', [ALL], { path: `${group.path}.${s.path}`, defaultValue: ALL }),
        ),
      ],
      pass('no recording_group: every supported type is recorded'),
    );
  },
});
