import { eksPublicEndpointRestricted as rule } from '../../../../rules/aws/containers/eks-public-endpoint-restricted';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

const T = 'aws_eks_cluster';
const cluster = (vpc: Record<string, unknown>) => ({ name: 'c', role_arn: 'arn:r', vpc_config: { subnet_ids: ['s'], ...vpc } });

describe('eks-public-endpoint-restricted', () => {
  itHonoursItsExamples(rule);

  it('fires for a public endpoint open to the internet (the defaults), or to an internet-wide range', () => {
    expect(kinds(findingsFor(rule, T, cluster({})))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, cluster({ endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, cluster({ public_access_cidrs: ['203.0.113.0/24', '0.0.0.0/1'] })))).toEqual(['violation']);
  });

  it('is quiet for a private endpoint, or a public one limited to named networks', () => {
    expect(findingsFor(rule, T, cluster({ endpoint_public_access: false, endpoint_private_access: true }))).toEqual([]);
    expect(findingsFor(rule, T, cluster({ public_access_cidrs: ['203.0.113.0/24'] }))).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, T, cluster({ endpoint_public_access: '${var.public}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, cluster({ public_access_cidrs: '${var.cidrs}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, cluster({ public_access_cidrs: ['${var.office}'] })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { name: 'c', vpc_config: '${local.vpc}' }))).toEqual(['unknown']);
  });
});
