import { cloudtrailMultiRegion as rule } from '../../../../rules/aws/logging/cloudtrail-multi-region';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });

describe('cloudtrail-multi-region', () => {
  itHonoursItsExamples(rule);

  it('fires when is_multi_region_trail is false', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ is_multi_region_trail: false })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ is_multi_region_trail: 'false' })))).toEqual(['violation']);
  });
  it('fires when is_multi_region_trail is unset (it defaults to false) and stays quiet when true', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail()))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ is_multi_region_trail: true }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ is_multi_region_trail: '${var.flag}' })))).toEqual(['unknown']);
  });
});
