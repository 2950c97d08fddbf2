/** OpenSearch / Elasticsearch domains live in a VPC, not on a public endpoint. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { listAttr } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { SEARCH_DOMAIN_TYPES } from './common';

export const opensearchInVpc = defineRule({
  id: 'opensearch-in-vpc',
  title: 'OpenSearch and Elasticsearch domains are placed in a VPC',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  rationale:
    'A domain without vpc_options gets a public endpoint reachable from the whole internet; only its access ' +
    'policy (often an IP allow list or, by mistake, Principal "*") stands between the internet and the data, ' +
    'and public search endpoints are scanned and wiped for ransom routinely. In a VPC, security groups and ' +
    'routing decide who can connect at all. The choice is made at creation and cannot be changed. Strict: a ' +
    'public domain with fine-grained access control and a narrow access policy is a supported design.',
  fix: 'Add `vpc_options { subnet_ids = [...], security_group_ids = [...] }` with private subnets and a security group that admits only the clients.',
  references: {
    checkov: ['CKV_AWS_137'],
    docs: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html'],
  },
  examples: {
    failing: { resourceType: 'aws_opensearch_domain', body: { domain_name: 'logs' } },
    passing: { resourceType: 'aws_opensearch_domain', body: { domain_name: 'logs', vpc_options: { subnet_ids: ['${aws_subnet.private.id}'] } } },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'vpc_options',
      (vpc) => {
        const subnets = listAttr(vpc.body, 'subnet_ids');
        const path = `${vpc.path}.subnet_ids`;
        if (subnets.state === 'unknown') return unknownValue(path, subnets);
        if (subnets.state === 'absent' || subnets.value.length === 0) return violation(`${path} is empty: the domain is not placed in a VPC`, path);
        return pass('the domain is in a VPC', path);
      },
      violation('no vpc_options block: the domain has a public endpoint', 'vpc_options'),
    );
  },
});
