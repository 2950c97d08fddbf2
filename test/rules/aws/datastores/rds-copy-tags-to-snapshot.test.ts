import { rdsCopyTagsToSnapshot as rule } from '../../../../rules/aws/datastores/rds-copy-tags-to-snapshot';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('rds-copy-tags-to-snapshot', () => {
  itHonoursItsExamples(rule);
  for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires when unset (default false) or false', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', copy_tags_to_snapshot: false }))).toEqual(['violation']);
      });
      it('is quiet when true', () => expect(findingsFor(rule, type, { engine: 'postgres', copy_tags_to_snapshot: true })).toEqual([]));
      it('is unknown for an expression', () =>
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', copy_tags_to_snapshot: '${var.c}' }))).toEqual(['unknown']));
    });
  }
});
