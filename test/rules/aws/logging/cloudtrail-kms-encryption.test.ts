import { cloudtrailKmsEncryption as rule } from '../../../../rules/aws/logging/cloudtrail-kms-encryption';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });

describe('cloudtrail-kms-encryption', () => {
  itHonoursItsExamples(rule);

  it('fires without kms_key_id, or with the AWS managed key', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail()))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ kms_key_id: 'alias/aws/cloudtrail' })))).toEqual(['violation']);
  });
  it('stays quiet with a customer-managed key', () => {
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ kms_key_id: '${aws_kms_key.trail.arn}' }))).toEqual([]);
    expect(findingsFor(rule, 'aws_cloudtrail', trail({ kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/abcd' }))).toEqual([]);
  });
  it('is unknown for a variable', () => {
    expect(kinds(findingsFor(rule, 'aws_cloudtrail', trail({ kms_key_id: '${var.key}' })))).toEqual(['unknown']);
  });

  describe('aws_cloudtrail_event_data_store', () => {
    const E = 'aws_cloudtrail_event_data_store';
    it('fires without kms_key_id', () => expect(kinds(findingsFor(rule, E, { name: 'events' }))).toEqual(['violation']));
    it('stays quiet with a customer-managed key', () => expect(findingsFor(rule, E, { name: 'events', kms_key_id: '${aws_kms_key.events.arn}' })).toEqual([]));
    it('is unknown for a variable', () => expect(kinds(findingsFor(rule, E, { name: 'events', kms_key_id: '${var.key}' }))).toEqual(['unknown']));
  });
});
