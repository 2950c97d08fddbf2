import { secretsManagerRecoveryWindow as rule } from '../../../../rules/aws/keys/secrets-manager-recovery-window';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_secretsmanager_secret';

describe('secrets-manager-recovery-window', () => {
  it('fires for immediate deletion (0)', () => {
    expect(kinds(findingsFor(rule, T, { name: 's', recovery_window_in_days: 0 }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 's', recovery_window_in_days: '0' }))).toEqual(['violation']);
  });

  it('is quiet for 7 to 30 days, or unset (default 30)', () => {
    expect(findingsFor(rule, T, { name: 's' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 's', recovery_window_in_days: 7 })).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, T, { name: 's', recovery_window_in_days: '${var.window}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
