import { cloudtrailLogFileValidation as rule } from '../../../../rules/aws/logging/cloudtrail-log-file-validation';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });

describe('cloudtrail-log-file-validation', () => {
  itHonoursItsExamples(rule);

  it('fires when enable_log_file_validation is false', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_log_file_validation: false })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_log_file_validation: 'false' })))).toEqual(['violation']);
  });
  it('fires when enable_log_file_validation is unset (it defaults to false) and stays quiet when true', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail()))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ enable_log_file_validation: true }))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ enable_log_file_validation: '${var.flag}' })))).toEqual(['unknown']);
  });
});
