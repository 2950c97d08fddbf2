import { dynamodbPointInTimeRecovery as rule } from '../../../../rules/aws/datastores/dynamodb-point-in-time-recovery';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_dynamodb_table';

describe('dynamodb-point-in-time-recovery', () => {
  itHonoursItsExamples(rule);

  it('fires without the block, or with it disabled', () => {
    expect(kinds(findingsFor(rule, T, { name: 't' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 't', point_in_time_recovery: { enabled: false } }))).toEqual(['violation']);
  });

  it('fires for a replica without point-in-time recovery', () => {
    const body = { name: 't', point_in_time_recovery: { enabled: true }, replica: [{ region_name: 'eu-west-2' }] };
    expect(kinds(findingsFor(rule, T, body))).toEqual(['violation']);
  });

  it('is quiet when enabled on the table and its replicas', () => {
    expect(
      findingsFor(rule, T, { name: 't', point_in_time_recovery: { enabled: true }, replica: [{ region_name: 'eu-west-2', point_in_time_recovery: true }] }),
    ).toEqual([]);
  });

  it('is unknown for an expression or a dynamic block that may be empty', () => {
    expect(kinds(findingsFor(rule, T, { name: 't', point_in_time_recovery: { enabled: '${var.pitr}' } }))).toEqual(['unknown']);
    const dynamic = { name: 't', dynamic: { point_in_time_recovery: { for_each: '${var.pitr}', content: { enabled: true } } } };
    expect(kinds(findingsFor(rule, T, dynamic))).toEqual(['unknown']);
  });
});
