/** DynamoDB tables keep continuous backups, so a bad write or delete can be rolled back to the second. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock, requireBool } from '../../common/shapes';
import { requireEnabledBlock } from './common';

export const dynamodbPointInTimeRecovery = defineRule({
  id: 'dynamodb-point-in-time-recovery',
  title: 'DynamoDB tables (and their replicas) have point-in-time recovery',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_dynamodb_table'],
  rationale:
    'Without point-in-time recovery, a buggy deploy that rewrites items, a leaked write credential or a mass ' +
    'delete cannot be undone: on-demand backups only go back to when someone last took one. With it, the table ' +
    'can be restored to any second of the last 35 days. Each replica of a global table has its own setting.',
  fix: 'Add `point_in_time_recovery { enabled = true }` (it defaults to off), and `point_in_time_recovery = true` on every `replica` block.',
  references: {
    checkov: ['CKV_AWS_28'],
    docs: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
  },
  examples: {
    failing: { resourceType: 'aws_dynamodb_table', body: { name: 'orders', hash_key: 'id', billing_mode: 'PAY_PER_REQUEST' } },
    passing: {
      resourceType: 'aws_dynamodb_table',
      body: { name: 'orders', hash_key: 'id', billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: { enabled: true } },
    },
  },
  check(resource) {
    return [
      ...requireEnabledBlock(resource.body, 'point_in_time_recovery', 'point-in-time recovery', false),
      ...forEachBlock(resource.body, 'replica', (r) =>
        requireBool(r.body, 'point_in_time_recovery', 'point-in-time recovery on the replica', { path: r.path, defaultValue: false }),
      ),
    ];
  },
});
