import { sqsQueueCmk as rule } from '../../../../rules/aws/datastores/sqs-queue-cmk';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_sqs_queue';

describe('sqs-queue-cmk', () => {
  itHonoursItsExamples(rule);
  it('fires for SSE-SQS or the AWS managed key', () => {
    expect(kinds(findingsFor(rule, T, { name: 'q' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 'q', kms_master_key_id: 'alias/aws/sqs' }))).toEqual(['violation']);
  });
  it('is quiet with a customer-managed key', () => expect(findingsFor(rule, T, { name: 'q', kms_master_key_id: '${aws_kms_alias.q.arn}' })).toEqual([]));
  it('is unknown for a variable', () => expect(kinds(findingsFor(rule, T, { name: 'q', kms_master_key_id: '${var.k}' }))).toEqual(['unknown']));
});
