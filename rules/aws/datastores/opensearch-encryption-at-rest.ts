/** OpenSearch / Elasticsearch domains encrypt their indices, logs, swap and snapshots at rest. */
import { defineRule } from '../../../engine/rule';
import { requireEnabledBlock, SEARCH_DOMAIN_TYPES } from './common';

export const opensearchEncryptionAtRest = defineRule({
  id: 'opensearch-encryption-at-rest',
  title: 'OpenSearch and Elasticsearch domains are encrypted at rest',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    'Search domains hold copies of the data they index (logs with tokens, customer records) on EBS volumes and ' +
    'in automated snapshots; without encryption at rest those are readable by whoever gets the disks or ' +
    'snapshots. Without an encrypt_at_rest block the provider leaves encryption off.',
  fix: 'Add `encrypt_at_rest { enabled = true }` (and a customer-managed `kms_key_id`).',
  references: {
    checkov: ['CKV_AWS_5'],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html'],
  },
  examples: {
    failing: { resourceType: 'aws_opensearch_domain', body: { domain_name: 'logs', engine_version: 'OpenSearch_2.13' } },
    passing: { resourceType: 'aws_opensearch_domain', body: { domain_name: 'logs', engine_version: 'OpenSearch_2.13', encrypt_at_rest: { enabled: true } } },
  },
  check(resource) {
    return requireEnabledBlock(resource.body, 'encrypt_at_rest', 'encryption at rest');
  },
});
