import { rdsCloudwatchLogsExports as rule } from '../../../../rules/aws/datastores/rds-cloudwatch-logs-exports';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('rds-cloudwatch-logs-exports', () => {
  itHonoursItsExamples(rule);
  for (const type of ['aws_db_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires when unset or empty', () => {
        expect(kinds(findingsFor(rule, type, { engine: 'postgres' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', enabled_cloudwatch_logs_exports: [] }))).toEqual(['violation']);
      });
      it('is quiet with exports', () => expect(findingsFor(rule, type, { engine: 'postgres', enabled_cloudwatch_logs_exports: ['postgresql'] })).toEqual([]));
      it('is unknown for an expression', () =>
        expect(kinds(findingsFor(rule, type, { engine: 'postgres', enabled_cloudwatch_logs_exports: '${var.logs}' }))).toEqual(['unknown']));
    });
  }
});
