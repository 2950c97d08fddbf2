import { ebsSnapshotNotPublic as rule } from '../../../../rules/aws/data/ebs-snapshot-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const SNAPSHOT = '${aws_ebs_snapshot.data.id}';

describe('ebs-snapshot-not-public', () => {
  itHonoursItsExamples(rule);

  describe('aws_snapshot_create_volume_permission', () => {
    const type = 'aws_snapshot_create_volume_permission';

    it('fires when account_id asks for everyone ("all") or is not a 12-digit account', () => {
      const all = findingsFor(rule, type, { snapshot_id: SNAPSHOT, account_id: 'all' });
      expect(kinds(all)).toEqual(['violation']);
      expect(all[0].message).toMatch(/every AWS account/);
      expect(kinds(findingsFor(rule, type, { snapshot_id: SNAPSHOT, account_id: 'ALL' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, { snapshot_id: SNAPSHOT, account_id: '1234' }))).toEqual(['violation']);
    });

    it('is quiet when shared with one 12-digit account', () => {
      expect(findingsFor(rule, type, { snapshot_id: SNAPSHOT, account_id: '123456789012' })).toEqual([]);
    });

    it('is unknown when account_id is an expression', () => {
      expect(kinds(findingsFor(rule, type, { snapshot_id: SNAPSHOT, account_id: '${var.backup_account}' }))).toEqual(['unknown']);
    });
  });

  describe('aws_ebs_snapshot_block_public_access', () => {
    const type = 'aws_ebs_snapshot_block_public_access';

    it('fires on any state but block-all-sharing', () => {
      expect(kinds(findingsFor(rule, type, { state: 'unblocked' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, { state: 'block-new-sharing' }))).toEqual(['violation']);
    });

    it('is quiet on block-all-sharing', () => {
      expect(findingsFor(rule, type, { state: 'block-all-sharing' })).toEqual([]);
    });

    it('is unknown when state is an expression', () => {
      expect(kinds(findingsFor(rule, type, { state: '${var.snapshot_bpa}' }))).toEqual(['unknown']);
    });
  });
});
