import { configRecorderAllResources as rule } from '../../../../rules/aws/logging/config-recorder-all-resources';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_config_configuration_recorder';
const recorder = (recording_group?: unknown) => ({
  name: 'main',
  role_arn: '${aws_iam_role.config.arn}',
  ...(recording_group === undefined ? {} : { recording_group }),
});

describe('config-recorder-all-resources', () => {
  itHonoursItsExamples(rule);

  it('fires for a list of types or an exclusion strategy', () => {
    expect(kinds(findingsFor(rule, R, recorder({ all_supported: false, resource_types: ['AWS::S3::Bucket'] })))).toEqual(['violation']);
    const excluding = {
      all_supported: false,
      exclusion_by_resource_types: { resource_types: ['AWS::EC2::NetworkInterface'] },
      recording_strategy: { use_only: 'EXCLUSION_BY_RESOURCE_TYPES' },
    };
    expect(kinds(findingsFor(rule, R, recorder(excluding)))).toEqual(['violation', 'violation']);
  });
  it('stays quiet without a recording_group, or with all_supported unset or true', () => {
    expect(findingsFor(rule, R, recorder())).toEqual([]);
    expect(findingsFor(rule, R, recorder({ include_global_resource_types: true }))).toEqual([]);
    expect(findingsFor(rule, R, recorder({ all_supported: true, recording_strategy: { use_only: 'ALL_SUPPORTED_RESOURCE_TYPES' } }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, R, recorder({ all_supported: '${var.all}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, R, recorder('${local.group}')))).toEqual(['unknown']);
  });
});
