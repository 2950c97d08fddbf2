import { cloudtrailGlobalServiceEvents as rule } from '../../../../rules/aws/logging/cloudtrail-global-service-events';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });

describe('cloudtrail-global-service-events', () => {
  itHonoursItsExamples(rule);

  it('fires when include_global_service_events is false', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ include_global_service_events: false })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ include_global_service_events: 'false' })))).toEqual(['violation']);
  });
  it('stays quiet when include_global_service_events is unset (it defaults to true) or true', () => {
    expect(findingsFor(rule, 'aws_cloudtrail', trail())).toEqual([]);
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ include_global_service_events: true }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ include_global_service_events: '${var.flag}' })))).toEqual(['unknown']);
  });
});
