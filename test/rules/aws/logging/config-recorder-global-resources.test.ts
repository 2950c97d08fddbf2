import { configRecorderGlobalResources as rule } from '../../../../rules/aws/logging/config-recorder-global-resources';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_config_configuration_recorder';
const recorder = (recording_group?: unknown) => ({
  name: 'main',
  role_arn: '${aws_iam_role.config.arn}',
  ...(recording_group === undefined ? {} : { recording_group }),
});

describe('config-recorder-global-resources', () => {
  itHonoursItsExamples(rule);

  it('fires without a recording_group, or with include_global_resource_types unset (false) or false', () => {
    expect(kinds(findingsFor(rule, R, recorder()))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, R, recorder({ all_supported: true })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, R, recorder({ include_global_resource_types: false })))).toEqual(['violation']);
  });
  it('stays quiet with include_global_resource_types = true', () => {
    expect(findingsFor(rule, R, recorder({ include_global_resource_types: true }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, R, recorder({ include_global_resource_types: '${var.home_region}' })))).toEqual(['unknown']);
  });
});
