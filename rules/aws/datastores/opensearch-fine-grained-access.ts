/** OpenSearch / Elasticsearch domains use fine-grained access control. */
import { defineRule } from '../../../engine/rule';
import { requireEnabledBlock, SEARCH_DOMAIN_TYPES } from './common';

export const opensearchFineGrainedAccess = defineRule({
  id: 'opensearch-fine-grained-access',
  title: 'OpenSearch and Elasticsearch domains enable fine-grained access control',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    'Without fine-grained access control, whoever the domain access policy admits can read and write every ' +
    'index, delete them, and change cluster settings; there are no roles, no index- or document-level ' +
    'permissions, and no audit logs (they need it). Strict: it needs node-to-node encryption, HTTPS and ' +
    'encryption at rest, and role mappings to maintain.',
  fix: 'Add `advanced_security_options { enabled = true, ... }` with an IAM master user ARN (or the internal user database) and map roles for the clients.',
  references: {
    checkov: ['CKV2_AWS_52'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_52',
        kind: 'stricter',
        why: 'checkov also passes a domain whose advanced_security_options sets internal_user_database_enabled = true with enabled = false; the internal user database does nothing unless fine-grained access control is enabled, so only enabled counts here.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html'],
  },
  examples: {
    failing: { resourceType: 'aws_opensearch_domain', body: { domain_name: 'logs' } },
    passing: {
      resourceType: 'aws_opensearch_domain',
      body: { domain_name: 'logs', advanced_security_options: { enabled: true, master_user_options: { master_user_arn: '${aws_iam_role.search_admin.arn}' } } },
    },
  },
  check(resource) {
    return requireEnabledBlock(resource.body, 'advanced_security_options', 'fine-grained access control');
  },
});
