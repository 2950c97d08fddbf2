import { rdsPerformanceInsightsCmk as rule } from '../../../../rules/aws/datastores/rds-performance-insights-cmk';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('rds-performance-insights-cmk', () => {
  itHonoursItsExamples(rule);
  for (const type of ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster']) {
    describe(type, () => {
      it('fires when enabled without a customer-managed key', () => {
        expect(kinds(findingsFor(rule, type, { performance_insights_enabled: true }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { performance_insights_enabled: true, performance_insights_kms_key_id: 'alias/aws/rds' }))).toEqual(['violation']);
      });
      it('is quiet with a CMK, or when Performance Insights is off', () => {
        expect(findingsFor(rule, type, { performance_insights_enabled: true, performance_insights_kms_key_id: '${aws_kms_key.db.arn}' })).toEqual([]);
        expect(findingsFor(rule, type, { performance_insights_enabled: false })).toEqual([]);
        expect(findingsFor(rule, type, {})).toEqual([]);
      });
      it('is unknown for a key from a variable, or an enabled flag from a variable without a CMK', () => {
        expect(kinds(findingsFor(rule, type, { performance_insights_enabled: true, performance_insights_kms_key_id: '${var.k}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { performance_insights_enabled: '${var.pi}' }))).toEqual(['unknown']);
      });
    });
  }
});
