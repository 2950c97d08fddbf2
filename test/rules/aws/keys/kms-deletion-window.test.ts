import { kmsDeletionWindow as rule } from '../../../../rules/aws/keys/kms-deletion-window';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

describe('kms-deletion-window', () => {
  for (const type of ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key']) {
    describe(type, () => {
      it('fires for a shortened window', () => {
        expect(kinds(findingsFor(rule, type, { deletion_window_in_days: 7 }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { deletion_window_in_days: '29' }))).toEqual(['violation']);
      });

      it('is quiet at 30 days or unset (default 30)', () => {
        expect(findingsFor(rule, type, {})).toEqual([]);
        expect(findingsFor(rule, type, { deletion_window_in_days: 30 })).toEqual([]);
      });

      it('is unknown for an expression', () => {
        expect(kinds(findingsFor(rule, type, { deletion_window_in_days: '${var.window}' }))).toEqual(['unknown']);
      });
    });
  }

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
