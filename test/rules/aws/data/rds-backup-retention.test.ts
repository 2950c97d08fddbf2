import { rdsBackupRetention as rule } from '../../../../rules/aws/data/rds-backup-retention';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

describe('rds-backup-retention', () => {
  for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires when unset (AWS default: 1 day), 0 or under 7', () => {
        const unset = findingsFor(rule, type, { engine: 'postgres' });
        expect(kinds(unset)).toEqual(['violation']);
        expect(unset[0].message).toContain('1 (the default)');
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', backup_retention_period: 0 }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', backup_retention_period: 6 }))).toEqual(['violation']);
      });

      it('is quiet at 7 days or more', () => {
        expect(findingsFor(rule, type, { engine: 'postgres', backup_retention_period: 7 })).toEqual([]);
        expect(findingsFor(rule, type, { engine: 'postgres', backup_retention_period: '35' })).toEqual([]);
      });

      it('is unknown when it is an expression', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', backup_retention_period: '${var.days}' }))).toEqual(['unknown']);
      });
    });
  }

  it('leaves read replicas alone (the source holds the backups)', () => {
    expect(findingsFor(rule, 'aws_db_instance', { instance_class: 'db.t4g.micro', replicate_source_db: '${aws_db_instance.main.identifier}' })).toEqual([]);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
