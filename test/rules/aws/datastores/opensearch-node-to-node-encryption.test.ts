import { opensearchNodeToNodeEncryption as rule } from '../../../../rules/aws/datastores/opensearch-node-to-node-encryption';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('opensearch-node-to-node-encryption', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_opensearch_domain', 'aws_elasticsearch_domain']) {
    describe(type, () => {
      it('fires without the block (default off) or with it disabled', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', node_to_node_encryption: { enabled: false } }))).toEqual(['violation']);
      });
      it('is quiet when enabled', () => expect(findingsFor(rule, type, { domain_name: 'd', node_to_node_encryption: { enabled: true } })).toEqual([]));
      it('is unknown for an expression or a dynamic block that may be empty', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', node_to_node_encryption: { enabled: '${var.on}' } }))).toEqual(['unknown']);
        expect(
          kinds(findingsFor(rule, type, { domain_name: 'd', dynamic: { node_to_node_encryption: { for_each: '${var.x}', content: { enabled: true } } } })),
        ).toEqual(['unknown']);
      });
    });
  }
});
