/** OpenSearch / Elasticsearch nodes talk to each other over TLS. */
import { defineRule } from '../../../engine/rule';
import { requireEnabledBlock, SEARCH_DOMAIN_TYPES } from './common';

export const opensearchNodeToNodeEncryption = defineRule({
  id: 'opensearch-node-to-node-encryption',
  title: 'OpenSearch and Elasticsearch domains encrypt node-to-node traffic',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    "Without node-to-node encryption, shard replication and query fan-out between the domain's nodes carry " +
    'the indexed documents in the clear. It is also a prerequisite of fine-grained access control. Without a ' +
    'node_to_node_encryption block the provider leaves it off.',
  fix: 'Add `node_to_node_encryption { enabled = true }`.',
  references: {
    checkov: ['CKV_AWS_6'],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html'],
  },
  examples: {
    failing: { resourceType: 'aws_elasticsearch_domain', body: { domain_name: 'logs', node_to_node_encryption: { enabled: false } } },
    passing: { resourceType: 'aws_elasticsearch_domain', body: { domain_name: 'logs', node_to_node_encryption: { enabled: true } } },
  },
  check(resource) {
    return requireEnabledBlock(resource.body, 'node_to_node_encryption', 'node-to-node encryption');
  },
});
