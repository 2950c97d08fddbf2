/** RDS snapshots carry the tags of their database. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const rdsCopyTagsToSnapshot = defineRule({
  id: 'rds-copy-tags-to-snapshot',
  title: 'RDS instances and clusters copy their tags to snapshots',
  severity: 'warning',
  profile: 'strict',
  category: 'hygiene',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    "Snapshots without the database's tags escape tag-based access control (an IAM condition on " +
    'aws:ResourceTag/data-class), tag-based backup and retention policies, and cost allocation: an untagged ' +
    "snapshot of a sensitive database looks like nobody's and is the one that gets shared or kept forever. " +
    'Strict: it is governance hygiene, not a direct exposure.',
  fix: 'Set `copy_tags_to_snapshot = true` (it defaults to false).',
  references: {
    checkov: ['CKV2_AWS_60', 'CKV_AWS_313'],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags'],
  },
  examples: {
    failing: { resourceType: 'aws_rds_cluster', body: { engine: 'aurora-postgresql' } },
    passing: { resourceType: 'aws_rds_cluster', body: { engine: 'aurora-postgresql', copy_tags_to_snapshot: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'copy_tags_to_snapshot', 'copying tags to snapshots', { defaultValue: false });
  },
});
