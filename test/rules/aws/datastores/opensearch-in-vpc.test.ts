import { opensearchInVpc as rule } from '../../../../rules/aws/datastores/opensearch-in-vpc';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('opensearch-in-vpc', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_opensearch_domain', 'aws_elasticsearch_domain']) {
    describe(type, () => {
      it('fires without vpc_options or with no subnets', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd' }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', vpc_options: { subnet_ids: [] } }))).toEqual(['violation']);
      });
      it('is quiet in a VPC', () => expect(findingsFor(rule, type, { domain_name: 'd', vpc_options: { subnet_ids: ['subnet-0abc'] } })).toEqual([]));
      it('is unknown when the subnets or the block are expressions', () => {
        expect(kinds(findingsFor(rule, type, { domain_name: 'd', vpc_options: { subnet_ids: '${var.subnets}' } }))).toEqual(['unknown']);
        expect(
          kinds(findingsFor(rule, type, { domain_name: 'd', dynamic: { vpc_options: { for_each: '${var.vpc}', content: { subnet_ids: ['subnet-0abc'] } } } })),
        ).toEqual(['unknown']);
      });
    });
  }
});
