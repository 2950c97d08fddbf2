import { elbAccessLogs as rule } from '../../../../rules/aws/containers/elb-access-logs';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

describe('elb-access-logs', () => {
  itHonoursItsExamples(rule);

  it('fires without access_logs, or with enabled = false', () => {
    expect(kinds(findingsFor(rule, 'aws_elb', { name: 'web' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_elb', { name: 'web', access_logs: { bucket: 'logs', enabled: false } }))).toEqual(['violation']);
  });

  it('is quiet with a bucket (enabled defaults to true)', () => {
    expect(findingsFor(rule, 'aws_elb', { name: 'web', access_logs: { bucket: 'logs' } })).toEqual([]);
    expect(findingsFor(rule, 'aws_elb', { name: 'web', access_logs: { bucket: '${aws_s3_bucket.logs.id}', enabled: true } })).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, 'aws_elb', { name: 'web', access_logs: { bucket: 'logs', enabled: '${var.on}' } }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_elb', { name: 'web', access_logs: '${local.logs}' }))).toEqual(['unknown']);
  });
});
