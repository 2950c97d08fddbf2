import { wafv2Logging as rule } from '../../../../rules/aws/logging/wafv2-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const W = 'aws_wafv2_web_acl';
const logging = (resource_arn: string) => ({
  resource: { aws_wafv2_web_acl_logging_configuration: { l: { resource_arn, log_destination_configs: ['${aws_cloudwatch_log_group.waf.arn}'] } } },
});

describe('wafv2-logging', () => {
  itHonoursItsExamples(rule);

  it('fires without a logging configuration for it', () => {
    expect(kinds(findingsFor(rule, W, { name: 'edge', scope: 'REGIONAL' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, W, { name: 'edge', scope: 'REGIONAL' }, logging('${aws_wafv2_web_acl.other.arn}')))).toEqual(['violation']);
  });
  it('stays quiet with one that references it', () => {
    expect(findingsFor(rule, W, { name: 'edge', scope: 'REGIONAL' }, logging('${aws_wafv2_web_acl.subject.arn}'))).toEqual([]);
  });
  it('is unknown when one may point at it', () => {
    expect(kinds(findingsFor(rule, W, { name: 'edge', scope: 'REGIONAL' }, logging('${var.acl_arn}')))).toEqual(['unknown']);
  });
});
