import { cloudfrontWaf as rule } from '../../../../rules/aws/edge/cloudfront-waf';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';

describe('cloudfront-waf', () => {
  itHonoursItsExamples(rule);

  it('fires without web_acl_id (or an empty one)', () => {
    expect(kinds(findingsFor(rule, CF, { enabled: true }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, CF, { web_acl_id: '' }))).toEqual(['violation']);
  });

  it('is quiet with a web ACL reference or ARN', () => {
    expect(findingsFor(rule, CF, { web_acl_id: '${aws_wafv2_web_acl.edge.arn}' })).toEqual([]);
    expect(findingsFor(rule, CF, { web_acl_id: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/abc' })).toEqual([]);
  });

  it('is unknown for a variable', () => {
    expect(kinds(findingsFor(rule, CF, { web_acl_id: '${var.acl}' }))).toEqual(['unknown']);
  });
});
