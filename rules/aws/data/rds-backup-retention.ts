/** Automated backups are kept for at least a week, long enough to notice a problem and restore from before it. */
import { defineRule } from '../../../engine/rule';
import { notApplicable } from '../../../engine/results';
import { attr } from '../../../engine/values';
import { requireNumber } from '../../common/shapes';

/** Days. A week covers a problem found on the next working day after a long weekend, with margin. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

/**
 * What AWS uses when backup_retention_period is unset: 1 day for both (the CreateDBInstance API default,
 * and the provider's `Default: 1` for aws_rds_cluster).
 */
const DEFAULT_RETENTION_DAYS = 1;

export const rdsBackupRetention = defineRule({
  id: 'rds-backup-retention',
  title: `RDS instances and clusters keep automated backups for at least ${MIN_BACKUP_RETENTION_DAYS} days`,
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'Point-in-time recovery reaches back only as far as the backup retention period. The default (1 day; 0 ' +
    'turns backups off) means corruption, a bad migration or ransomware noticed after a weekend can no longer ' +
    'be undone.',
  fix:
    `Set \`backup_retention_period\` to at least ${MIN_BACKUP_RETENTION_DAYS} (up to 35). Read replicas ` +
    '(`replicate_source_db`) are exempt: the source instance holds the backups.',
  references: {
    checkov: ['CKV_AWS_133'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_133',
        kind: 'stricter',
        why:
          `requires at least ${MIN_BACKUP_RETENTION_DAYS} days where checkov accepts 1 to 35, and reports an unset period (the AWS default of 1 day) that checkov passes: ` +
          'a single day of point-in-time recovery does not outlast a weekend. Read replicas are exempt here (their source holds the backups). An expression ' +
          'period is reported as unknown, not skipped.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro' } },
    passing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro', backup_retention_period: 14 } },
  },
  check(resource) {
    if (resource.type === 'aws_db_instance' && attr(resource.body, 'replicate_source_db').state !== 'absent') {
      return notApplicable('a read replica: the source instance holds the automated backups');
    }
    return requireNumber(
      resource.body,
      'backup_retention_period',
      'automated backup retention',
      { min: MIN_BACKUP_RETENTION_DAYS },
      { defaultValue: DEFAULT_RETENTION_DAYS },
    );
  },
});
