import { rdsNotPublic as rule } from '../../../../rules/aws/data/rds-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

describe('rds-not-public', () => {
  for (const type of ['aws_db_instance', 'aws_rds_cluster_instance']) {
    describe(type, () => {
      it('fires when publicly accessible', () => {
        expect(kinds(findingsFor(rule, type, { instance_class: 'db.t4g.micro', publicly_accessible: true }))).toEqual(['violation']);
      });

      it('is quiet when private or unset (default false)', () => {
        expect(findingsFor(rule, type, { instance_class: 'db.t4g.micro', publicly_accessible: false })).toEqual([]);
        expect(findingsFor(rule, type, { instance_class: 'db.t4g.micro' })).toEqual([]);
      });

      it('is unknown when publicly_accessible is an expression', () => {
        expect(kinds(findingsFor(rule, type, { instance_class: 'db.t4g.micro', publicly_accessible: '${var.public}' }))).toEqual(['unknown']);
      });
    });
  }

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
