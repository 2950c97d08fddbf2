import { redshiftAuditLogging as rule } from '../../../../rules/aws/datastores/redshift-audit-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const C = 'aws_redshift_cluster';
const logging = (cluster: string) => ({
  resource: { aws_redshift_logging: { l: { cluster_identifier: cluster, log_destination_type: 'cloudwatch', log_exports: ['userlog'] } } },
});

describe('redshift-audit-logging', () => {
  itHonoursItsExamples(rule);
  it('fires without logging, with inline logging off, or with logging for another cluster', () => {
    expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w', logging: { enable: false } }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w' }, logging('${aws_redshift_cluster.other.id}')))).toEqual(['violation']);
  });
  it('is quiet with an aws_redshift_logging by reference or by name, or inline logging on', () => {
    expect(findingsFor(rule, C, { cluster_identifier: 'w' }, logging('${aws_redshift_cluster.subject.id}'))).toEqual([]);
    expect(findingsFor(rule, C, { cluster_identifier: 'w' }, logging('w'))).toEqual([]);
    expect(findingsFor(rule, C, { cluster_identifier: 'w', logging: { enable: true, bucket_name: 'audit' } })).toEqual([]);
  });
  it('is unknown when the logging resource names a variable, or the inline flag is an expression', () => {
    expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w' }, logging('${var.cluster}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w', logging: { enable: '${var.on}' } }))).toEqual(['unknown']);
  });
});
