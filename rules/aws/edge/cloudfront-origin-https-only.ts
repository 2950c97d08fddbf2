/** CloudFront reaches custom origins over HTTPS only. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { CLOUDFRONT } from './edge-common';

export const cloudfrontOriginHttpsOnly = defineRule({
  id: 'cloudfront-origin-https-only',
  title: 'CloudFront custom origins are reached over HTTPS only',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'Between CloudFront and a custom origin (a load balancer, an API, a server) the request crosses the ' +
    'internet. With origin_protocol_policy = "http-only", or "match-viewer" (HTTP whenever a behavior lets a ' +
    'viewer use it), requests, cookies, Authorization headers and responses travel in the clear there, and ' +
    'anyone on that path can read or change them: HTTPS to the viewer does not protect this leg. An S3 website ' +
    "endpoint speaks HTTP only, so an origin on one is reported too: use the bucket's REST endpoint with " +
    'origin access control instead.',
  fix: 'Set custom_origin_config.origin_protocol_policy = "https-only" on every origin, with a certificate on the origin that matches its domain_name.',
  references: {
    checkov: ['CKV2_AWS_72'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_72',
        kind: 'stricter',
        why: 'origins on .elb., .mediastore. and .mediapackage. domains are not exempt: a load balancer origin can (and should) serve HTTPS, and a disabled distribution may be enabled later.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html'],
  },
  examples: {
    failing: {
      resourceType: CLOUDFRONT,
      body: {
        origin: [
          {
            origin_id: 'app',
            domain_name: 'app.example.com',
            custom_origin_config: { origin_protocol_policy: 'http-only', origin_ssl_protocols: ['TLSv1.2'] },
          },
        ],
      },
    },
    passing: {
      resourceType: CLOUDFRONT,
      body: {
        origin: [
          {
            origin_id: 'app',
            domain_name: 'app.example.com',
            custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] },
          },
        ],
      },
    },
  },
  check(resource) {
    return forEachBlock(resource.body, 'origin', (origin) =>
      forEachBlock(origin.body, 'custom_origin_config', (config) =>
        requireOneOf(config.body, 'origin_protocol_policy', `origin ${String(origin.body.origin_id ?? origin.path)} uses HTTPS`, ['https-only'], {
          path: `${origin.path}.${config.path}`,
        }),
      ),
    );
  },
});
