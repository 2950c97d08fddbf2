import { sqsQueueEncrypted as rule } from '../../../../rules/aws/datastores/sqs-queue-encrypted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_sqs_queue';

describe('sqs-queue-encrypted', () => {
  itHonoursItsExamples(rule);
  it('fires when SSE-SQS is turned off without a KMS key', () => {
    expect(kinds(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: false }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: 'false', kms_master_key_id: '' }))).toEqual(['violation']);
  });
  it('is quiet by default (SSE-SQS), with SSE-SQS on, or with a KMS key', () => {
    expect(findingsFor(rule, T, { name: 'q' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: true })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: false, kms_master_key_id: 'alias/aws/sqs' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'q', kms_master_key_id: '${aws_kms_key.q.arn}' })).toEqual([]);
  });
  it('is unknown when the flag or the key is an expression', () => {
    expect(kinds(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: '${var.sse}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { name: 'q', sqs_managed_sse_enabled: false, kms_master_key_id: '${var.key}' }))).toEqual(['unknown']);
  });
});
