import { efsBackupPolicy as rule } from '../../../../rules/aws/datastores/efs-backup-policy';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FS = 'aws_efs_file_system';
const BP = 'aws_efs_backup_policy';
const policy = (fs: string, status = 'ENABLED') => ({ resource: { [BP]: { b: { file_system_id: fs, backup_policy: { status } } } } });

describe('efs-backup-policy', () => {
  itHonoursItsExamples(rule);

  describe(FS, () => {
    it('fires without a backup policy pointing at it', () => {
      expect(kinds(findingsFor(rule, FS, { encrypted: true }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, FS, { encrypted: true }, policy('${aws_efs_file_system.other.id}')))).toEqual(['violation']);
    });
    it('is quiet with one', () => expect(findingsFor(rule, FS, { encrypted: true }, policy('${aws_efs_file_system.subject.id}'))).toEqual([]));
    it('is unknown when the policy points at a variable', () =>
      expect(kinds(findingsFor(rule, FS, { encrypted: true }, policy('${var.fs}')))).toEqual(['unknown']));
  });

  describe(BP, () => {
    it('fires when disabled', () =>
      expect(kinds(findingsFor(rule, BP, { file_system_id: 'fs-1', backup_policy: { status: 'DISABLED' } }))).toEqual(['violation']));
    it('is quiet when enabled', () => expect(findingsFor(rule, BP, { file_system_id: 'fs-1', backup_policy: { status: 'ENABLED' } })).toEqual([]));
    it('is unknown for an expression', () =>
      expect(kinds(findingsFor(rule, BP, { file_system_id: 'fs-1', backup_policy: { status: '${var.s}' } }))).toEqual(['unknown']));
  });
});
