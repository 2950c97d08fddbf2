import { opensearchAuditLogs as rule } from '../../../../rules/aws/datastores/opensearch-audit-logs';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const log = (log_type: unknown, extra: Record<string, unknown> = {}) => ({ log_type, cloudwatch_log_group_arn: '${aws_cloudwatch_log_group.g.arn}', ...extra });

describe('opensearch-audit-logs', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_opensearch_domain', 'aws_elasticsearch_domain']) {
    describe(type, () => {
      it('fires without logs, with other log types only, or with audit logs disabled', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', log_publishing_options: [log('INDEX_SLOW_LOGS'), log('ES_APPLICATION_LOGS')] }))).toEqual([
          'violation',
        ]);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', log_publishing_options: [log('AUDIT_LOGS', { enabled: false })] }))).toEqual(['violation']);
      });
      it('is quiet with audit logs (enabled defaults to true)', () => {
        expect(findingsFor(rule, type, { domain_name: 'd', log_publishing_options: [log('SEARCH_SLOW_LOGS'), log('AUDIT_LOGS')] })).toEqual([]);
      });
      it('is unknown when the log type or enabled is an expression, or the block may not exist', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', log_publishing_options: [log('${var.t}')] }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', log_publishing_options: [log('AUDIT_LOGS', { enabled: '${var.on}' })] }))).toEqual([
          'unknown',
        ]);
        expect(
          kinds(findingsFor(rule, type, { domain_name: 'd', dynamic: { log_publishing_options: { for_each: '${var.logs}', content: log('AUDIT_LOGS') } } })),
        ).toEqual(['unknown']);
      });
    });
  }
});
