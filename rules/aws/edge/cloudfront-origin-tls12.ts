/** CloudFront offers custom origins TLS 1.2 only, never SSLv3, TLSv1 or TLSv1.1. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import { forEachBlock } from '../../common/shapes';
import { CLOUDFRONT, someItem } from './edge-common';

const OBSOLETE = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export const cloudfrontOriginTls12 = defineRule({
  id: 'cloudfront-origin-tls12',
  title: 'CloudFront custom origins allow no protocol older than TLS 1.2',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'origin_ssl_protocols lists what CloudFront offers the origin. With SSLv3, TLSv1 or TLSv1.1 in the list, ' +
    'an origin (or an attacker between CloudFront and it) that picks the old protocol gets it: SSLv3 is broken ' +
    '(POODLE) and TLS 1.0/1.1 are deprecated (RFC 8996), so the origin leg can be downgraded and decrypted.',
  fix: 'Set custom_origin_config.origin_ssl_protocols = ["TLSv1.2"] on every origin (and make the origin support TLS 1.2).',
  references: {
    checkov: ['CKV2_AWS_54'],
    deviations: [
      { peer: 'checkov', check: 'CKV2_AWS_54', kind: 'stricter', why: 'TLSv1 and TLSv1.1 are reported too, not only SSLv3: both are deprecated by RFC 8996.' },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html'],
  },
  examples: {
    failing: {
      resourceType: CLOUDFRONT,
      body: {
        origin: [
          {
            origin_id: 'app',
            domain_name: 'app.example.com',
            custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] },
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
      forEachBlock(origin.body, 'custom_origin_config', (config) => {
        const at = `${origin.path}.${config.path}.origin_ssl_protocols`;
        if (config.body.origin_ssl_protocols === undefined || config.body.origin_ssl_protocols === null) return violation(`${at} is not set`, at);
        const old = someItem(config.body, 'origin_ssl_protocols', (p) => OBSOLETE.includes(p.trim()));
        if (old.state === 'unknown') return unknown(`${at}: ${old.expression}`, at);
        return old.value ? violation(`${at} offers an obsolete protocol (${old.why})`, at) : pass(`${at} offers TLS 1.2 only`, at);
      }),
    );
  },
});
