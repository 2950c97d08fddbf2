/** CloudFront sends viewers to HTTPS on every cache behavior. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import type { BlockOccurrence } from '../../../engine/values';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { CLOUDFRONT } from './edge-common';

const HTTPS_POLICIES = ['redirect-to-https', 'https-only'];

export const cloudfrontViewerHttps = defineRule({
  id: 'cloudfront-viewer-https',
  title: 'CloudFront distributions redirect viewers to HTTPS (or accept HTTPS only) on every cache behavior',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'viewer_protocol_policy = "allow-all" serves the site over plain HTTP: anyone on the path (public Wi-Fi, a ' +
    'hostile ISP) reads and rewrites pages, scripts and cookies. Every path pattern has its own policy, so one ' +
    'ordered_cache_behavior left at allow-all (often /api/* or /static/*) is enough for an attacker to inject ' +
    'script into the site or steal a session cookie that lacks the Secure flag.',
  fix: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") in default_cache_behavior and in every ordered_cache_behavior.',
  references: {
    checkov: ['CKV_AWS_34'],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html'],
  },
  examples: {
    failing: { resourceType: CLOUDFRONT, body: { default_cache_behavior: { target_origin_id: 'site', viewer_protocol_policy: 'allow-all' } } },
    passing: {
      resourceType: CLOUDFRONT,
      body: {
        default_cache_behavior: { target_origin_id: 'site', viewer_protocol_policy: 'redirect-to-https' },
        ordered_cache_behavior: [{ path_pattern: '/api/*', target_origin_id: 'api', viewer_protocol_policy: 'https-only' }],
      },
    },
  },
  check(resource) {
    const https = (block: BlockOccurrence) => requireOneOf(block.body, 'viewer_protocol_policy', 'viewers use HTTPS', HTTPS_POLICIES, { path: block.path });
    return [
      ...forEachBlock(resource.body, 'default_cache_behavior', https, violation('no default_cache_behavior block', 'default_cache_behavior')),
      ...forEachBlock(resource.body, 'ordered_cache_behavior', https),
    ];
  },
});
