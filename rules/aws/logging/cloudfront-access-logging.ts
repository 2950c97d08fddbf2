/** CloudFront distributions write access logs, the only record of requests served from the edge. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { forEachBlock } from '../../common/shapes';
import { companionResult, companionsOf } from '../data/companions';
import { requireSet } from './shared';

const SOURCE = 'aws_cloudwatch_log_delivery_source';
const DELIVERY = 'aws_cloudwatch_log_delivery';

export const cloudfrontAccessLogging = defineRule({
  id: 'cloudfront-access-logging',
  title: 'CloudFront distributions write access logs',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_cloudfront_distribution'],
  rationale:
    "Requests a distribution serves from its cache never reach the origin, so the origin's logs miss them: " +
    "only CloudFront's access logs show who fetched what, from where, and which requests probed for files " +
    'that should not exist. Strict: like load balancer access logs, they cost storage for every request.',
  fix:
    'Add `logging_config { bucket = "<log bucket>.s3.amazonaws.com", prefix = "cdn/" }` (legacy standard logging), ' +
    `or standard logging v2: an \`${SOURCE}\` with \`resource_arn = <distribution>.arn\` and an \`${DELIVERY}\` from it.`,
  references: {
    checkov: ['CKV_AWS_86'],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_86',
        kind: 'looser',
        why: 'also accepts standard logging v2 (a CloudWatch log delivery source for the distribution with a delivery)',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_cloudfront_distribution', body: { enabled: true, comment: 'site' } },
    passing: {
      resourceType: 'aws_cloudfront_distribution',
      body: { enabled: true, comment: 'site', logging_config: { bucket: 'example-logs.s3.amazonaws.com', prefix: 'cdn/' } },
    },
  },
  check(resource, context) {
    return forEachBlock(
      resource.body,
      'logging_config',
      (b) => requireSet(b.body, 'bucket', 'an access log bucket', { path: b.path }),
      () => logDelivery(resource, context),
    );
  },
});

/** Standard logging v2: a delivery source for the distribution, and a delivery from that source. */
function logDelivery(distribution: ResourceRecord, context: RuleContext): CheckResult {
  const sources = companionsOf(distribution, context, SOURCE, 'resource_arn', []);
  const [source] = sources.found;
  if (!source) return companionResult(sources, SOURCE, 'and it has no logging_config block, so it writes no access logs');
  const deliveries = companionsOf(source, context, DELIVERY, 'delivery_source_name', ['name']);
  const result = companionResult(deliveries, DELIVERY, `so the logs of ${source.address} go nowhere`);
  return result.status === 'pass' ? pass(`${source.address} and ${deliveries.found[0].address} deliver its logs`) : result;
}
