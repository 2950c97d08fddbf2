/** API Gateway custom domain names refuse TLS 1.0 and 1.1. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireOneOf } from '../../common/shapes';

const REST_DOMAIN = 'aws_api_gateway_domain_name';
const V2_DOMAIN = 'aws_apigatewayv2_domain_name';

/** TLS_1_2 and the newer enhanced policies (all TLS 1.2 or later), as listed by API Gateway. */
export const TLS12_POLICIES = [
  'TLS_1_2',
  'SecurityPolicy_TLS12_2018_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
  'SecurityPolicy_TLS13_1_2_2021_06',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
  'SecurityPolicy_TLS13_2025_EDGE',
];

export const apigatewayDomainTls12 = defineRule({
  id: 'apigateway-domain-tls12',
  title: 'API Gateway custom domain names use a TLS 1.2 (or later) security policy',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [REST_DOMAIN, V2_DOMAIN],
  rationale:
    'A custom domain with security_policy TLS_1_0 accepts TLS 1.0 and 1.1, deprecated by RFC 8996 and open to ' +
    'downgrade attacks with weak CBC ciphers; clients that can only speak them are long gone. For REST API ' +
    'domains an unset security_policy leaves the choice to API Gateway, which has created TLS_1_0 domains, ' +
    'so it must be set.',
  fix: `Set security_policy = "TLS_1_2" on ${REST_DOMAIN}, and domain_name_configuration { security_policy = "TLS_1_2" } on ${V2_DOMAIN}.`,
  references: {
    checkov: ['CKV_AWS_206'],
    deviations: [{ peer: 'checkov', check: 'CKV_AWS_206', kind: 'stricter', why: `${V2_DOMAIN} (HTTP and WebSocket APIs) is checked too.` }],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html'],
  },
  examples: {
    failing: {
      resourceType: REST_DOMAIN,
      body: { domain_name: 'api.example.com', regional_certificate_arn: '${aws_acm_certificate.api.arn}', security_policy: 'TLS_1_0' },
    },
    passing: {
      resourceType: REST_DOMAIN,
      body: { domain_name: 'api.example.com', regional_certificate_arn: '${aws_acm_certificate.api.arn}', security_policy: 'TLS_1_2' },
    },
  },
  check(resource) {
    if (resource.type === REST_DOMAIN) return requireOneOf(resource.body, 'security_policy', 'TLS 1.2 or later', TLS12_POLICIES);
    return forEachBlock(
      resource.body,
      'domain_name_configuration',
      (config) => requireOneOf(config.body, 'security_policy', 'TLS 1.2 or later', TLS12_POLICIES, { path: config.path }),
      violation('no domain_name_configuration block', 'domain_name_configuration'),
    );
  },
});
