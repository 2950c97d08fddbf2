/** Performance Insights data (which includes query text) is encrypted with a customer-managed key. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import { boolAttr, describeExpression } from '../../../engine/values';
import { requireCustomerManagedKey } from '../keys/kms-key-reference';

export const rdsPerformanceInsightsCmk = defineRule({
  id: 'rds-performance-insights-cmk',
  title: 'RDS Performance Insights is encrypted with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  rationale:
    'Performance Insights stores the text of the top SQL statements, with the literals in them (emails, ' +
    'tokens, card numbers in WHERE clauses), and anyone with pi:GetResourceMetrics-style read access sees them. ' +
    'Without performance_insights_kms_key_id it uses the AWS managed key aws/rds, whose policy cannot narrow ' +
    'who reads them; a customer-managed key can. Strict: any Performance Insights data is encrypted, and the ' +
    'key cannot be changed once set.',
  fix: 'With `performance_insights_enabled = true`, set `performance_insights_kms_key_id` to a customer-managed key ARN (usually the same as `kms_key_id`).',
  references: {
    checkov: ['CKV_AWS_354'],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.cmk-policy.html'],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.r6g.large', performance_insights_enabled: true } },
    passing: {
      resourceType: 'aws_db_instance',
      body: {
        engine: 'postgres',
        instance_class: 'db.r6g.large',
        performance_insights_enabled: true,
        performance_insights_kms_key_id: '${aws_kms_key.db.arn}',
      },
    },
  },
  check(resource, context) {
    const enabled = boolAttr(resource.body, 'performance_insights_enabled');
    if (enabled.state === 'absent' || (enabled.state === 'known' && !enabled.value)) return notApplicable('Performance Insights is off');
    const key = requireCustomerManagedKey(
      resource.body.performance_insights_kms_key_id,
      'performance_insights_kms_key_id',
      'Performance Insights data',
      context,
    );
    if (enabled.state === 'known' || key.status === 'pass') return key;
    return unknown(
      `performance_insights_enabled is ${describeExpression(enabled.expression)}, and if it is on: ${key.message}`,
      'performance_insights_enabled',
    );
  },
});
