import { snsTopicCmk as rule } from '../../../../rules/aws/datastores/sns-topic-cmk';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_sns_topic';

describe('sns-topic-cmk', () => {
  itHonoursItsExamples(rule);
  it('fires without a key or with the AWS managed key', () => {
    expect(kinds(findingsFor(rule, T, { name: 'a' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 'a', kms_master_key_id: 'alias/aws/sns' }))).toEqual(['violation']);
  });
  it('is quiet with a customer-managed key or alias', () => {
    expect(findingsFor(rule, T, { name: 'a', kms_master_key_id: '${aws_kms_key.k.arn}' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'a', kms_master_key_id: 'alias/alerts' })).toEqual([]);
  });
  it('is unknown for a variable', () => expect(kinds(findingsFor(rule, T, { name: 'a', kms_master_key_id: '${var.k}' }))).toEqual(['unknown']));
});
