/** Databases cannot be deleted by one API call or one `terraform destroy` / replacement. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const rdsDeletionProtection = defineRule({
  id: 'rds-deletion-protection',
  title: 'RDS instances and clusters have deletion protection',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'A plan that replaces a database (a changed identifier, engine or subnet group), a mistaken destroy, or ' +
    'stolen credentials can delete it, and with it the automated backups unless they are retained. Deletion ' +
    'protection makes deletion a deliberate two-step act: turn protection off, then delete.',
  fix: 'Set `deletion_protection = true` (it defaults to false). Turn it off in a separate change when a database really must go.',
  references: {
    checkov: ['CKV_AWS_139', 'CKV_AWS_293'],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection'],
  },
  examples: {
    failing: { resourceType: 'aws_rds_cluster', body: { engine: 'aurora-postgresql' } },
    passing: { resourceType: 'aws_rds_cluster', body: { engine: 'aurora-postgresql', deletion_protection: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'deletion_protection', 'deletion protection', { defaultValue: false });
  },
});
