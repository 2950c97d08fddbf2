/** CloudFront refuses viewers below TLS 1.2 with a modern cipher policy. */
import { defineRule } from '../../../engine/rule';
import { unknownValue, violation } from '../../../engine/results';
import { boolAttr } from '../../../engine/values';
import { forEachBlock, requireOneOf } from '../../common/shapes';
import { CLOUDFRONT } from './edge-common';

/** CloudFront's viewer security policies from TLSv1.2_2021 on (AEAD ciphers with forward secrecy only). */
export const MODERN_VIEWER_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

export const cloudfrontMinimumTls = defineRule({
  id: 'cloudfront-minimum-tls',
  title: 'CloudFront distributions use a custom certificate with minimum protocol TLSv1.2_2021 or later',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'A viewer security policy below TLSv1.2_2021 lets clients (or an attacker forcing a downgrade) negotiate ' +
    'TLS 1.0/1.1 or CBC-mode ciphers without forward secrecy. minimum_protocol_version defaults to "TLSv1". ' +
    'The default *.cloudfront.net certificate (cloudfront_default_certificate = true) always accepts TLSv1, ' +
    'whatever minimum_protocol_version says, so it is reported too: serve the site on your own domain with an ' +
    'ACM certificate, or, for a distribution that is only ever reached on its cloudfront.net name, suppress ' +
    'this rule for it with the reason recorded.',
  fix:
    'In viewer_certificate set acm_certificate_arn (a us-east-1 ACM certificate), ssl_support_method = "sni-only" ' +
    'and minimum_protocol_version = "TLSv1.2_2021" (or TLSv1.2_2025 / TLSv1.3_2025), with an alias on that domain.',
  references: {
    checkov: ['CKV_AWS_174'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_174',
        kind: 'stricter',
        why: 'TLSv1.2_2018 and TLSv1.2_2019 are reported too: they still offer CBC-mode ciphers without forward secrecy; TLSv1.2_2021 is the oldest policy AWS recommends.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html'],
  },
  examples: {
    failing: { resourceType: CLOUDFRONT, body: { viewer_certificate: { cloudfront_default_certificate: true } } },
    passing: {
      resourceType: CLOUDFRONT,
      body: {
        viewer_certificate: {
          acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f0e0d0c-0b0a-0908-0706-050403020100',
          ssl_support_method: 'sni-only',
          minimum_protocol_version: 'TLSv1.2_2021',
        },
      },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'viewer_certificate',
      (cert) => {
        const defaultCertificate = boolAttr(cert.body, 'cloudfront_default_certificate');
        const at = `${cert.path}.cloudfront_default_certificate`;
        if (defaultCertificate.state === 'unknown') return unknownValue(at, defaultCertificate);
        if (defaultCertificate.state === 'known' && defaultCertificate.value) {
          return violation(`${at} is true: the *.cloudfront.net certificate accepts TLSv1 whatever minimum_protocol_version says`, at);
        }
        return requireOneOf(cert.body, 'minimum_protocol_version', 'viewer TLS policy', MODERN_VIEWER_POLICIES, { path: cert.path, defaultValue: 'TLSv1' });
      },
      violation('no viewer_certificate block', 'viewer_certificate'),
    );
  },
});
