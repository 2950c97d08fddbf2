/**
 * EBS snapshots are never shared with everyone: a create-volume permission names one account, and the
 * region's snapshot block public access setting, when declared, blocks all public sharing.
 */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { stringAttr } from '../../../engine/values';
import { requireOneOf } from '../../common/shapes';

/** An AWS account ID: exactly twelve digits. */
const ACCOUNT_ID = /^\d{12}$/;

export const ebsSnapshotNotPublic = defineRule({
  id: 'ebs-snapshot-not-public',
  title: 'EBS snapshots are not shared publicly',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_snapshot_create_volume_permission', 'aws_ebs_snapshot_block_public_access'],
  rationale:
    'A public snapshot lets any AWS account create a volume from it and read the whole disk: databases, keys, ' +
    'configuration, deleted files. Public snapshots are scanned for continuously. In the AWS API a snapshot ' +
    'is made public with the group "all"; aws_snapshot_create_volume_permission has no group argument and ' +
    'sends account_id as a user ID, so anything but a 12-digit account ID there ("all" above all) is an ' +
    'attempt to share beyond one named account. The account-wide guard is snapshot block public access: ' +
    '"block-all-sharing" also hides snapshots that are already public, "block-new-sharing" leaves those ' +
    'public, and "unblocked" turns the guard off.',
  fix:
    'Give aws_snapshot_create_volume_permission a 12-digit `account_id` for each account that needs the ' +
    'snapshot (and prefer encrypted snapshots, which cannot be made public at all). Declare ' +
    'aws_ebs_snapshot_block_public_access with `state = "block-all-sharing"`.',
  references: {
    docs: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
      'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
    ],
  },
  examples: {
    failing: { resourceType: 'aws_ebs_snapshot_block_public_access', body: { state: 'unblocked' } },
    passing: { resourceType: 'aws_ebs_snapshot_block_public_access', body: { state: 'block-all-sharing' } },
  },
  check(resource) {
    if (resource.type === 'aws_ebs_snapshot_block_public_access') {
      return requireOneOf(resource.body, 'state', 'blocking all public sharing of snapshots', ['block-all-sharing']);
    }
    // account_id is required by the provider; unset, Terraform rejects the resource before anything is shared.
    const account = stringAttr(resource.body, 'account_id');
    if (account.state === 'unknown') return unknownValue('account_id', account);
    if (account.state === 'absent') return pass('no account_id: Terraform rejects the permission, nothing is shared');
    if (ACCOUNT_ID.test(account.value)) return pass(`the snapshot is shared with account ${account.value} only`, 'account_id');
    return violation(
      account.value.toLowerCase() === 'all'
        ? 'account_id = "all" asks to share the snapshot with every AWS account'
        : `account_id = "${account.value}" is not a 12-digit account ID, so the snapshot is not shared with one named account`,
      'account_id',
    );
  },
});
