/** RDS databases export their engine logs to CloudWatch Logs. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { listAttr } from '../../../engine/values';

export const rdsCloudwatchLogsExports = defineRule({
  id: 'rds-cloudwatch-logs-exports',
  title: 'RDS instances and clusters export their logs to CloudWatch Logs',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'Engine logs (error, audit, general, slow query, postgresql) stay on the instance, rotated away after ' +
    'days and gone with it; they are the only record of failed logins, privilege changes and who ran what ' +
    'inside the database. Exported to CloudWatch Logs they are retained, searchable and alarmable, and ' +
    'survive the instance. Strict: the log types worth exporting depend on the engine, and exports cost ' +
    'ingestion.',
  fix:
    'Set `enabled_cloudwatch_logs_exports`, e.g. `["postgresql", "upgrade"]` for PostgreSQL or `["audit", "error", "general", "slowquery"]` ' +
    'for MySQL / MariaDB (audit needs the audit plugin or parameter).',
  references: {
    checkov: ['CKV_AWS_129', 'CKV_AWS_324'],
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html'],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro' } },
    passing: {
      resourceType: 'aws_db_instance',
      body: { engine: 'postgres', instance_class: 'db.t4g.micro', enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'] },
    },
  },
  check(resource) {
    const exports = listAttr(resource.body, 'enabled_cloudwatch_logs_exports');
    if (exports.state === 'unknown') return unknownValue('enabled_cloudwatch_logs_exports', exports);
    if (exports.state === 'absent' || exports.value.length === 0) {
      return violation('enabled_cloudwatch_logs_exports is empty: the engine logs stay on the instance', 'enabled_cloudwatch_logs_exports');
    }
    return pass(`exports ${exports.value.map(String).join(', ')}`, 'enabled_cloudwatch_logs_exports');
  },
});
