import { eksControlPlaneLogging as rule } from '../../../../rules/aws/logging/eks-control-plane-logging';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const E = 'aws_eks_cluster';
const cluster = (types?: unknown) => ({
  name: 'main',
  role_arn: '${aws_iam_role.eks.arn}',
  ...(types === undefined ? {} : { enabled_cluster_log_types: types }),
});

describe('eks-control-plane-logging', () => {
  itHonoursItsExamples(rule);

  it('fires when api, audit or authenticator is missing', () => {
    expect(kinds(findingsFor(rule, E, cluster()))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, E, cluster([])))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, E, cluster(['api', 'authenticator', 'scheduler'])))).toEqual(['violation']);
  });
  it('stays quiet with all three', () => {
    expect(findingsFor(rule, E, cluster(['audit', 'api', 'authenticator']))).toEqual([]);
    expect(findingsFor(rule, E, cluster(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']))).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, E, cluster('${var.log_types}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, E, cluster(['api', '${var.extra}'])))).toEqual(['unknown']);
  });
});
