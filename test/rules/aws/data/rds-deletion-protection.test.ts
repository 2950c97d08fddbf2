import { rdsDeletionProtection as rule } from '../../../../rules/aws/data/rds-deletion-protection';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

describe('rds-deletion-protection', () => {
  for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires when deletion protection is off or unset (default false)', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', deletion_protection: false }))).toEqual(['violation']);
      });

      it('is quiet when on', () => {
        expect(findingsFor(rule, type, { engine: 'postgres', deletion_protection: true })).toEqual([]);
      });

      it('is unknown when it is an expression', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', deletion_protection: '${var.protect}' }))).toEqual(['unknown']);
      });
    });
  }

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
