/** EFS file systems are backed up automatically by AWS Backup. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { companionResult, companionsOf } from '../data/companions';

const BACKUP_POLICY = 'aws_efs_backup_policy';

export const efsBackupPolicy = defineRule({
  id: 'efs-backup-policy',
  title: 'EFS file systems have automatic backups enabled',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_efs_file_system', BACKUP_POLICY],
  rationale:
    'EFS keeps no previous versions of files: a deleted directory, a bad migration or ransomware that ' +
    'rewrites files through any client is permanent unless the file system is backed up. An ' +
    `${BACKUP_POLICY} with status ENABLED puts it in the AWS Backup default plan (daily, 35 days). ` +
    'Strict: a file system may instead be backed up by an explicit backup plan selection, or hold only ' +
    'reproducible data.',
  fix: `Add an ${BACKUP_POLICY} with \`file_system_id = <file system>.id\` and \`backup_policy { status = "ENABLED" }\` (or cover it with an aws_backup_selection).`,
  references: {
    docs: ['https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html#automatic-backups'],
  },
  examples: {
    failing: { resourceType: BACKUP_POLICY, body: { file_system_id: '${aws_efs_file_system.shared.id}', backup_policy: { status: 'DISABLED' } } },
    passing: { resourceType: BACKUP_POLICY, body: { file_system_id: '${aws_efs_file_system.shared.id}', backup_policy: { status: 'ENABLED' } } },
  },
  check(resource, context) {
    if (resource.type === BACKUP_POLICY) {
      return forEachBlock(
        resource.body,
        'backup_policy',
        (b) => requireOneOf(b.body, 'status', 'automatic backups', ['ENABLED'], { path: b.path }),
        violation('no backup_policy block', 'backup_policy'),
      );
    }
    return companionResult(
      companionsOf(resource, context, BACKUP_POLICY, 'file_system_id', []),
      BACKUP_POLICY,
      'so deleted or overwritten files cannot be restored',
    );
  },
});
