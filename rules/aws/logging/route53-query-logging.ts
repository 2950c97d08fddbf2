/** Public hosted zones log the DNS queries they answer. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import { blockPresence, blocks } from '../../../engine/values';
import { companionResult, companionsOf } from '../data/companions';

const QUERY_LOG = 'aws_route53_query_log';

export const route53QueryLogging = defineRule({
  id: 'route53-query-logging',
  title: 'Public Route 53 hosted zones have query logging',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_route53_zone'],
  rationale:
    'Query logs show which names of the zone are asked for, by which resolvers: subdomain enumeration before ' +
    'an attack, traffic to a name that was meant to be retired, or a dangling record being probed for takeover. ' +
    'Private zones are left out (their queries are logged by Resolver query logging, per VPC). Strict: the ' +
    'logs must go to a log group in us-east-1, and a zone of little interest may not need them.',
  fix: `Add an \`${QUERY_LOG}\` with \`zone_id = <zone>.zone_id\` and \`cloudwatch_log_group_arn\` of a log group in us-east-1 whose resource policy lets Route 53 write to it.`,
  references: {
    checkov: ['CKV2_AWS_39'],
    docs: ['https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html'],
  },
  examples: {
    failing: { resourceType: 'aws_route53_zone', body: { name: 'example.com' } },
    passing: {
      resourceType: 'aws_route53_zone',
      body: { name: 'example.com' },
      others: { [QUERY_LOG]: { dns: { zone_id: '${aws_route53_zone.example.zone_id}', cloudwatch_log_group_arn: '${aws_cloudwatch_log_group.dns.arn}' } } },
    },
  },
  check(resource, context) {
    const result = companionResult(companionsOf(resource, context, QUERY_LOG, 'zone_id', []), QUERY_LOG, 'so the queries it answers are not logged');
    if (result.status === 'pass') return result;
    const isPrivate = blockPresence(blocks(resource.body, 'vpc'));
    if (isPrivate.state === 'known') return isPrivate.value ? notApplicable('a private zone (it has a vpc block)') : result;
    return unknown(`${result.message}; it is public unless its vpc block (${isPrivate.expression}) makes it private`);
  },
});
