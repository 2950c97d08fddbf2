/** Deleting a secret leaves at least a week to restore it. */
import { defineRule } from '../../../engine/rule';
import { requireNumber } from '../../common/shapes';

/** Days: Secrets Manager accepts 0 (delete at once) or 7 to 30. */
export const MIN_SECRET_RECOVERY_WINDOW_DAYS = 7;
const DEFAULT_WINDOW_DAYS = 30;

export const secretsManagerRecoveryWindow = defineRule({
  id: 'secrets-manager-recovery-window',
  title: `Secrets Manager secrets keep a recovery window of at least ${MIN_SECRET_RECOVERY_WINDOW_DAYS} days`,
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: ['aws_secretsmanager_secret'],
  rationale:
    'recovery_window_in_days = 0 deletes the secret the moment Terraform destroys or replaces it, with no way ' +
    'back: the database password, API key or signing key it held is gone, and whatever depends on it breaks ' +
    'until someone can reissue it. A recovery window lets a mistaken destroy be undone with RestoreSecret.',
  fix: `Leave \`recovery_window_in_days\` unset (${DEFAULT_WINDOW_DAYS}) or set it between ${MIN_SECRET_RECOVERY_WINDOW_DAYS} and 30. Use 0 only for throwaway test stacks, with a suppression that says so.`,
  references: {
    docs: ['https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html'],
  },
  examples: {
    failing: { resourceType: 'aws_secretsmanager_secret', body: { name: 'db-password', recovery_window_in_days: 0 } },
    passing: { resourceType: 'aws_secretsmanager_secret', body: { name: 'db-password' } },
  },
  check(resource) {
    return requireNumber(
      resource.body,
      'recovery_window_in_days',
      'the recovery window',
      { min: MIN_SECRET_RECOVERY_WINDOW_DAYS },
      { defaultValue: DEFAULT_WINDOW_DAYS },
    );
  },
});
