/** OpenSearch / Elasticsearch endpoints accept HTTPS only, with TLS 1.2 or later. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { stringAttr } from '../../../engine/values';
import { forEachBlock, requireBool } from '../../common/shapes';
import { SEARCH_DOMAIN_TYPES } from './common';

const TLS_1_2 = /^Policy-Min-TLS-1-[2-9]/;

export const opensearchHttpsOnly = defineRule({
  id: 'opensearch-https-only',
  title: 'OpenSearch and Elasticsearch domains enforce HTTPS with a TLS 1.2+ policy',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    'A domain that accepts plain HTTP sends queries, documents and the credentials of fine-grained access ' +
    'control (HTTP basic auth) in the clear; a TLS policy that allows TLS 1.0 / 1.1 accepts protocol versions ' +
    'with known weaknesses. Without a domain_endpoint_options block the provider sends neither setting, and ' +
    'without `tls_security_policy` the domain keeps the service default, which has been Policy-Min-TLS-1-0-2019-07.',
  fix:
    'Add `domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" }` ' +
    '(or "Policy-Min-TLS-1-2-2019-07"); `enforce_https` defaults to true inside the block.',
  references: {
    checkov: ['CKV_AWS_83', 'CKV_AWS_228'],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_opensearch_domain',
      body: { domain_name: 'logs', domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' } },
    },
    passing: {
      resourceType: 'aws_opensearch_domain',
      body: { domain_name: 'logs', domain_endpoint_options: { enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' } },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'domain_endpoint_options',
      (options) => {
        const https = requireBool(options.body, 'enforce_https', 'HTTPS only', { path: options.path, defaultValue: true });
        const path = `${options.path}.tls_security_policy`;
        const policy = stringAttr(options.body, 'tls_security_policy');
        if (policy.state === 'unknown') return [https, unknownValue(path, policy)];
        if (policy.state === 'absent')
          return [https, violation(`${path} is unset: the domain keeps the service default TLS policy, which has allowed TLS 1.0`, path)];
        return [
          https,
          TLS_1_2.test(policy.value)
            ? pass(`TLS 1.2 or later (${policy.value})`, path)
            : violation(`${path} = "${policy.value}" allows TLS versions older than 1.2`, path),
        ];
      },
      violation('no domain_endpoint_options block: HTTPS is not enforced and the TLS policy is the service default', 'domain_endpoint_options'),
    );
  },
});
