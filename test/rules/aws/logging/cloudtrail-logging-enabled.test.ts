import { cloudtrailLoggingEnabled as rule } from '../../../../rules/aws/logging/cloudtrail-logging-enabled';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });

describe('cloudtrail-logging-enabled', () => {
  itHonoursItsExamples(rule);

  it('fires when enable_logging is false', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_logging: false })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_logging: 'false' })))).toEqual(['violation']);
  });
  it('stays quiet when enable_logging is unset (it defaults to true) or true', () => {
    expect(findingsFor(rule, 'aws_cloudtrail', trail())).toEqual([]);
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ enable_logging: true }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_logging: '${var.flag}' })))).toEqual(['unknown']);
  });
});
