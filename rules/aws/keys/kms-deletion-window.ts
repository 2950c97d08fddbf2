/** Scheduling a KMS key for deletion leaves the longest window there is to notice and cancel it. */
import { defineRule } from '../../../engine/rule';
import { requireNumber } from '../../common/shapes';

/**
 * Days. KMS accepts 7 to 30, so "at least 7" could never fail: the rule asks for the full 30 (the default),
 * because deleting a key destroys, for good, every piece of data encrypted under it.
 */
export const MIN_KMS_DELETION_WINDOW_DAYS = 30;
const DEFAULT_WINDOW_DAYS = 30;

export const kmsDeletionWindow = defineRule({
  id: 'kms-deletion-window',
  title: `KMS keys keep the full ${MIN_KMS_DELETION_WINDOW_DAYS}-day deletion waiting period`,
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key'],
  rationale:
    'A KMS key cannot be deleted at once: it is scheduled for deletion and can be recovered until the waiting ' +
    'period ends. After that, every snapshot, object, secret and volume encrypted under it is unreadable, ' +
    'backups included. A destroyed stack, a replaced key or an attacker with kms:ScheduleKeyDeletion starts ' +
    'that clock; a short window (7 days) can pass over a holiday before anyone looks.',
  fix: `Leave \`deletion_window_in_days\` unset (${DEFAULT_WINDOW_DAYS}) or set it to ${MIN_KMS_DELETION_WINDOW_DAYS}, and alarm on ScheduleKeyDeletion in CloudTrail.`,
  references: {
    docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html'],
  },
  examples: {
    failing: { resourceType: 'aws_kms_key', body: { description: 'data', enable_key_rotation: true, deletion_window_in_days: 7 } },
    passing: { resourceType: 'aws_kms_key', body: { description: 'data', enable_key_rotation: true } },
  },
  check(resource) {
    return requireNumber(
      resource.body,
      'deletion_window_in_days',
      'the deletion waiting period',
      { min: MIN_KMS_DELETION_WINDOW_DAYS },
      { defaultValue: DEFAULT_WINDOW_DAYS },
    );
  },
});
