import { route53QueryLogging as rule } from '../../../../rules/aws/logging/route53-query-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const Z = 'aws_route53_zone';
const queryLog = (zone_id: string) => ({
  resource: { aws_route53_query_log: { q: { zone_id, cloudwatch_log_group_arn: '${aws_cloudwatch_log_group.dns.arn}' } } },
});

describe('route53-query-logging', () => {
  itHonoursItsExamples(rule);

  it('fires on a public zone without a query log for it', () => {
    expect(kinds(findingsFor(rule, Z, { name: 'example.com' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, Z, { name: 'example.com' }, queryLog('${aws_route53_zone.other.zone_id}')))).toEqual(['violation']);
  });
  it('stays quiet with a query log, or for a private zone', () => {
    expect(findingsFor(rule, Z, { name: 'example.com' }, queryLog('${aws_route53_zone.subject.zone_id}'))).toEqual([]);
    expect(findingsFor(rule, Z, { name: 'internal', vpc: { vpc_id: '${aws_vpc.main.id}' } })).toEqual([]);
  });
  it('is unknown when a query log may be for it, or it may be private', () => {
    expect(kinds(findingsFor(rule, Z, { name: 'example.com' }, queryLog('${var.zone}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, Z, { name: 'example.com', dynamic: { vpc: { for_each: '${var.vpcs}', content: { vpc_id: '${vpc.value}' } } } }))).toEqual([
      'unknown',
    ]);
  });
});
