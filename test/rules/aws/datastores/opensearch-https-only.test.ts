import { opensearchHttpsOnly as rule } from '../../../../rules/aws/datastores/opensearch-https-only';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const opts = (o: Record<string, unknown>) => ({ domain_name: 'd', domain_endpoint_options: o });

describe('opensearch-https-only', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_opensearch_domain', 'aws_elasticsearch_domain']) {
    describe(type, () => {
      it('fires without the block, without a TLS policy, with a TLS 1.0 policy, or with HTTP allowed', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, opts({ enforce_https: true })))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, opts({ tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' })))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, opts({ enforce_https: false, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' })))).toEqual(['violation']);
      });
      it('is quiet with HTTPS (default true in the block) and a TLS 1.2 policy', () => {
        expect(findingsFor(rule, type, opts({ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }))).toEqual([]);
        expect(findingsFor(rule, type, opts({ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10' }))).toEqual([]);
      });
      it('is unknown for expressions', () => {
        expect(kinds(findingsFor(rule, type, opts({ tls_security_policy: '${var.tls}' })))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, opts({ enforce_https: '${var.https}', tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' })))).toEqual(['unknown']);
      });
    });
  }
});
