/** DynamoDB tables cannot be deleted by one API call or one `terraform destroy` / replacement. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const dynamodbDeletionProtection = defineRule({
  id: 'dynamodb-deletion-protection',
  title: 'DynamoDB tables have deletion protection',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_dynamodb_table'],
  rationale:
    'A plan that replaces a table (a changed key schema or name), a mistaken destroy, or a stolen credential ' +
    'with dynamodb:DeleteTable removes the table at once; point-in-time recovery backups of a deleted table ' +
    'are kept for only 35 days. Deletion protection makes deletion a deliberate two-step act. Strict: ' +
    'scratch and per-test tables are legitimately disposable.',
  fix: 'Set `deletion_protection_enabled = true` (it defaults to false). Turn it off in a separate change when a table really must go.',
  references: {
    docs: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection'],
  },
  examples: {
    failing: { resourceType: 'aws_dynamodb_table', body: { name: 'orders', hash_key: 'id' } },
    passing: { resourceType: 'aws_dynamodb_table', body: { name: 'orders', hash_key: 'id', deletion_protection_enabled: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'deletion_protection_enabled', 'deletion protection', { defaultValue: false });
  },
});
