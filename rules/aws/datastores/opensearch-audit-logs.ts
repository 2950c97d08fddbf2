/** OpenSearch / Elasticsearch domains publish audit logs. */
import { defineRule } from '../../../engine/rule';
import { requireBlockWith, SEARCH_DOMAIN_TYPES } from './common';

export const opensearchAuditLogs = defineRule({
  id: 'opensearch-audit-logs',
  title: 'OpenSearch and Elasticsearch domains publish audit logs to CloudWatch Logs',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    "CloudTrail records changes to the domain's configuration, not who searched, read or deleted which " +
    'index. Audit logs (log_type AUDIT_LOGS) record authentication failures and index access, which is what ' +
    'an investigation of a leak or a wiped index needs. They require fine-grained access control. Slow and ' +
    'application logs help operations but say nothing about access. Strict: audit logs cost CloudWatch ' +
    'ingestion and need fine-grained access control first.',
  fix:
    'Add `log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = aws_cloudwatch_log_group.x.arn }` ' +
    '(with a log group resource policy that lets es.amazonaws.com write) and enable audit logging in the security plugin.',
  references: {
    checkov: ['CKV_AWS_317', 'CKV_AWS_84'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_84',
        kind: 'stricter',
        why: 'CKV_AWS_84 passes any log type (slow logs included); only AUDIT_LOGS records access, so this rule asks for it, as CKV_AWS_317 does.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_opensearch_domain',
      body: {
        domain_name: 'logs',
        log_publishing_options: { log_type: 'INDEX_SLOW_LOGS', cloudwatch_log_group_arn: '${aws_cloudwatch_log_group.search.arn}' },
      },
    },
    passing: {
      resourceType: 'aws_opensearch_domain',
      body: { domain_name: 'logs', log_publishing_options: { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: '${aws_cloudwatch_log_group.search.arn}' } },
    },
  },
  check(resource) {
    return requireBlockWith(resource.body, 'log_publishing_options', 'log_type', 'AUDIT_LOGS', 'audit logging');
  },
});
