import { opensearchEncryptionAtRest as rule } from '../../../../rules/aws/datastores/opensearch-encryption-at-rest';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('opensearch-encryption-at-rest', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_opensearch_domain', 'aws_elasticsearch_domain']) {
    describe(type, () => {
      it('fires without the block (default off) or with it disabled', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', encrypt_at_rest: { enabled: false } }))).toEqual(['violation']);
      });
      it('is quiet when enabled', () => expect(findingsFor(rule, type, { domain_name: 'd', encrypt_at_rest: { enabled: true } })).toEqual([]));
      it('is unknown for an expression or a dynamic block that may be empty', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', encrypt_at_rest: { enabled: '${var.on}' } }))).toEqual(['unknown']);
        expect(
          kinds(findingsFor(rule, type, { domain_name: 'd', dynamic: { encrypt_at_rest: { for_each: '${var.x}', content: { enabled: true } } } })),
        ).toEqual(['unknown']);
      });
    });
  }
});
