import { snsTopicEncrypted as rule } from '../../../../rules/aws/datastores/sns-topic-encrypted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_sns_topic';

describe('sns-topic-encrypted', () => {
  itHonoursItsExamples(rule);
  it('fires without a key', () => {
    expect(kinds(findingsFor(rule, T, { name: 'a' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 'a', kms_master_key_id: '' }))).toEqual(['violation']);
  });
  it('is quiet with any key, the AWS managed one included', () => {
    expect(findingsFor(rule, T, { name: 'a', kms_master_key_id: 'alias/aws/sns' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'a', kms_master_key_id: '${aws_kms_key.k.arn}' })).toEqual([]);
  });
  it('is unknown for a variable', () => expect(kinds(findingsFor(rule, T, { name: 'a', kms_master_key_id: '${var.k}' }))).toEqual(['unknown']));
});
