/** SQS queues encrypt the messages they hold: with SQS-owned keys (SSE-SQS, the default) or a KMS key. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import { boolAttr, describeExpression, referencedAddress, stringAttr } from '../../../engine/values';

export const sqsQueueEncrypted = defineRule({
  id: 'sqs-queue-encrypted',
  title: 'SQS queues use server-side encryption',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_sqs_queue'],
  rationale:
    'Messages wait in a queue for up to 14 days, and often carry order data, tokens or personal data. Since ' +
    'October 2022 SQS encrypts new queues with SQS-owned keys (SSE-SQS) unless told otherwise, so an unset ' +
    '`sqs_managed_sse_enabled` is encrypted; `sqs_managed_sse_enabled = false` without a `kms_master_key_id` ' +
    'turns encryption off. Whether the key is customer-managed is sqs-queue-cmk (strict).',
  fix: 'Leave `sqs_managed_sse_enabled` unset or true, or set `kms_master_key_id` to a KMS key (preferably customer-managed).',
  references: {
    checkov: ['CKV_AWS_27'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_27',
        kind: 'looser',
        why: 'checkov fails a queue that sets neither attribute; SQS encrypts such a queue with SSE-SQS by default, so only an explicit `sqs_managed_sse_enabled = false` without a KMS key fails here.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_sqs_queue', body: { name: 'jobs', sqs_managed_sse_enabled: false } },
    passing: { resourceType: 'aws_sqs_queue', body: { name: 'jobs' } },
  },
  check(resource) {
    const key = stringAttr(resource.body, 'kms_master_key_id');
    if (key.state === 'known' && key.value.trim() !== '') return pass(`encrypted with the KMS key ${key.value}`, 'kms_master_key_id');
    if (key.state === 'unknown' && referencedAddress(key.expression) !== undefined)
      return pass('encrypted with a KMS key from this stack', 'kms_master_key_id');
    const sse = boolAttr(resource.body, 'sqs_managed_sse_enabled');
    if (sse.state === 'known' && sse.value) return pass('encrypted with SQS-owned keys (sqs_managed_sse_enabled = true)', 'sqs_managed_sse_enabled');
    if (key.state === 'unknown') return unknown(`kms_master_key_id is ${describeExpression(key.expression)}, which may be null`, 'kms_master_key_id');
    if (sse.state === 'unknown') return unknownValue('sqs_managed_sse_enabled', sse);
    if (sse.state === 'absent') return pass('encrypted with SQS-owned keys (SSE-SQS, the default for new queues)', 'sqs_managed_sse_enabled');
    return violation('the queue is not encrypted: sqs_managed_sse_enabled = false and no kms_master_key_id', 'sqs_managed_sse_enabled');
  },
});
