/** WAF web ACLs log the requests they inspect, so attacks they block (or miss) can be studied. */
import { defineRule } from '../../../engine/rule';
import { companionResult, companionsOf } from '../data/companions';

const LOGGING = 'aws_wafv2_web_acl_logging_configuration';

export const wafv2Logging = defineRule({
  id: 'wafv2-logging',
  title: 'WAFv2 web ACLs have a logging configuration',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_wafv2_web_acl'],
  rationale:
    'Without logs a web ACL keeps only metrics and a three-hour sample: no way to tell which rule blocked a ' +
    'legitimate customer, or what an attacker tried before a request got through. Strict: full logs cost per ' +
    'request, and the metrics may be enough for a low-traffic ACL.',
  fix: `Add an \`${LOGGING}\` with \`resource_arn = <web acl>.arn\` and \`log_destination_configs\` naming a log group (aws-waf-logs-…), bucket or Firehose stream.`,
  references: {
    checkov: ['CKV2_AWS_31'],
    docs: ['https://docs.aws.amazon.com/waf/latest/developerguide/logging.html'],
  },
  examples: {
    failing: { resourceType: 'aws_wafv2_web_acl', body: { name: 'edge', scope: 'REGIONAL' } },
    passing: {
      resourceType: 'aws_wafv2_web_acl',
      body: { name: 'edge', scope: 'REGIONAL' },
      others: { [LOGGING]: { edge: { resource_arn: '${aws_wafv2_web_acl.example.arn}', log_destination_configs: ['${aws_cloudwatch_log_group.waf.arn}'] } } },
    },
  },
  check(resource, context) {
    return companionResult(companionsOf(resource, context, LOGGING, 'resource_arn', []), LOGGING, 'so the requests it inspects are not logged');
  },
});
