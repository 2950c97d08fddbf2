/** AWS Config records the global IAM resources (users, roles, groups, policies) too. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock, requireBool } from '../../common/shapes';
import { violation } from '../../../engine/results';

export const configRecorderGlobalResources = defineRule({
  id: 'config-recorder-global-resources',
  title: 'AWS Config recorders include global resource types',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_config_configuration_recorder'],
  rationale:
    'IAM users, groups, roles and customer-managed policies are global: a recorder records them only with ' +
    '`include_global_resource_types = true` (it defaults to false). Without one such recorder in the account, ' +
    'a new admin role or a widened policy leaves no configuration history. Strict: they should be recorded in ' +
    'one region only, so the recorders of the other regions rightly leave them out.',
  fix: 'Set `recording_group { all_supported = true, include_global_resource_types = true }` on the recorder of your home region.',
  references: {
    checkov: ['CKV2_AWS_48'],
    docs: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html#select-resources-all'],
  },
  examples: {
    failing: { resourceType: 'aws_config_configuration_recorder', body: { name: 'main', role_arn: '${aws_iam_role.config.arn}' } },
    passing: {
      resourceType: 'aws_config_configuration_recorder',
      body: { name: 'main', role_arn: '${aws_iam_role.config.arn}', recording_group: { all_supported: true, include_global_resource_types: true } },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'recording_group',
      (group) => requireBool(group.body, 'include_global_resource_types', 'recording of global resources', { path: group.path, defaultValue: false }),
      violation('no recording_group: global resources (IAM) are not recorded', 'recording_group'),
    );
  },
});
