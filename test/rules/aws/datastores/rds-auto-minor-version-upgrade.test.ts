import { rdsAutoMinorVersionUpgrade as rule } from '../../../../rules/aws/datastores/rds-auto-minor-version-upgrade';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('rds-auto-minor-version-upgrade', () => {
  itHonoursItsExamples(rule);
  for (const type of ['aws_db_instance', 'aws_rds_cluster_instance']) {
    describe(type, () => {
      it('fires when turned off', () =>
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', auto_minor_version_upgrade: false }))).toEqual(['violation']));
      it('is quiet when unset (default true) or true', () => {
        expect(findingsFor(rule, type, { engine: 'postgres' })).toEqual([]);
        expect(findingsFor(rule, type, { engine: 'postgres', auto_minor_version_upgrade: true })).toEqual([]);
      });
      it('is unknown for an expression', () =>
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', auto_minor_version_upgrade: '${var.u}' }))).toEqual(['unknown']));
    });
  }
});
