import { dynamodbCmkEncryption as rule } from '../../../../rules/aws/datastores/dynamodb-cmk-encryption';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_dynamodb_table';
const CMK = '${aws_kms_key.data.arn}';

describe('dynamodb-cmk-encryption', () => {
  itHonoursItsExamples(rule);

  describe(T, () => {
    it('fires for the AWS owned key, the AWS managed key, or disabled SSE', () => {
      expect(kinds(findingsFor(rule, T, { name: 't' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, T, { name: 't', server_side_encryption: { enabled: true } }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, T, { name: 't', server_side_encryption: { enabled: true, kms_key_arn: 'alias/aws/dynamodb' } }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, T, { name: 't', server_side_encryption: { enabled: false, kms_key_arn: CMK } }))).toEqual(['violation']);
    });

    it('fires for a replica without its own customer-managed key', () => {
      const body = { name: 't', server_side_encryption: { enabled: true, kms_key_arn: CMK }, replica: [{ region_name: 'eu-west-2' }] };
      expect(kinds(findingsFor(rule, T, body))).toEqual(['violation']);
    });

    it('is quiet with a customer-managed key on the table and replicas', () => {
      const body = {
        name: 't',
        server_side_encryption: { enabled: true, kms_key_arn: CMK },
        replica: [{ region_name: 'eu-west-2', kms_key_arn: '${aws_kms_replica_key.west.arn}' }],
      };
      expect(findingsFor(rule, T, body)).toEqual([]);
    });

    it('is unknown for a key from a variable', () => {
      expect(kinds(findingsFor(rule, T, { name: 't', server_side_encryption: { enabled: true, kms_key_arn: '${var.key}' } }))).toEqual(['unknown']);
    });
  });

  describe('aws_dynamodb_table_replica', () => {
    const R = 'aws_dynamodb_table_replica';
    it('fires without a key', () => expect(kinds(findingsFor(rule, R, { global_table_arn: '${aws_dynamodb_table.t.arn}' }))).toEqual(['violation']));
    it('is quiet with a CMK', () => expect(findingsFor(rule, R, { global_table_arn: '${aws_dynamodb_table.t.arn}', kms_key_arn: CMK })).toEqual([]));
    it('is unknown for a variable', () => expect(kinds(findingsFor(rule, R, { kms_key_arn: '${var.k}' }))).toEqual(['unknown']));
  });
});
