/** CloudFront distributions are fronted by a WAF web ACL. */
import { defineRule } from '../../../engine/rule';
import { requirePresent } from '../../common/shapes';
import { CLOUDFRONT } from './edge-common';

export const cloudfrontWaf = defineRule({
  id: 'cloudfront-waf',
  title: 'CloudFront distributions have a WAF web ACL attached',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'A distribution is the public front door of a site or API. Without a web ACL nothing filters requests ' +
    'before they reach the origin: no managed rules against common exploits (SQL injection, known bad inputs ' +
    'such as Log4Shell), no rate limiting against credential stuffing or scraping, no IP reputation lists. ' +
    'Strict: a purely static site may not need one, and a web ACL costs money per request.',
  fix: 'Create an aws_wafv2_web_acl with scope = "CLOUDFRONT" (in us-east-1) and set web_acl_id = <acl>.arn on the distribution.',
  references: {
    checkov: ['CKV_AWS_68'],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html'],
  },
  examples: {
    failing: { resourceType: CLOUDFRONT, body: { enabled: true, comment: 'site' } },
    passing: { resourceType: CLOUDFRONT, body: { enabled: true, comment: 'site', web_acl_id: '${aws_wafv2_web_acl.edge.arn}' } },
  },
  check: (resource) => requirePresent(resource.body, 'web_acl_id', 'a WAF web ACL'),
});
