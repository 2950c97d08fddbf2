/** EKS clusters send their API server, audit and authenticator logs to CloudWatch Logs. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import { describeExpression, isExpression, listAttr } from '../../../engine/values';

const REQUIRED = ['api', 'audit', 'authenticator'];

export const eksControlPlaneLogging = defineRule({
  id: 'eks-control-plane-logging',
  title: `EKS clusters log the ${REQUIRED.join(', ')} control plane streams`,
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_eks_cluster'],
  rationale:
    "The control plane runs in AWS's account: its logs exist only if the cluster sends them. Without the " +
    "audit log there is no record of who read a secret, exec'd into a pod or bound cluster-admin; without " +
    'the authenticator log, no record of which IAM identity became which Kubernetes user; the api log shows ' +
    'what the API server was asked. All three are off by default.',
  fix: `Set \`enabled_cluster_log_types = [${REQUIRED.map((t) => `"${t}"`).join(', ')}]\` (add "controllerManager" and "scheduler" for troubleshooting).`,
  references: {
    checkov: ['CKV_AWS_37'],
    docs: ['https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_37',
        kind: 'looser',
        why: "does not require controllerManager and scheduler: they help troubleshooting but record no one's actions",
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_eks_cluster', body: { name: 'main', role_arn: '${aws_iam_role.eks.arn}', enabled_cluster_log_types: ['api'] } },
    passing: {
      resourceType: 'aws_eks_cluster',
      body: { name: 'main', role_arn: '${aws_iam_role.eks.arn}', enabled_cluster_log_types: ['api', 'audit', 'authenticator'] },
    },
  },
  check(resource) {
    const types = listAttr(resource.body, 'enabled_cluster_log_types');
    if (types.state === 'unknown') return unknownValue('enabled_cluster_log_types', types);
    const list = types.state === 'known' ? types.value : [];
    const missing = REQUIRED.filter((t) => !list.includes(t));
    if (missing.length === 0) return pass(`control plane logs: ${REQUIRED.join(', ')}`, 'enabled_cluster_log_types');
    const expression = list.find(isExpression);
    if (expression !== undefined)
      return unknown(`enabled_cluster_log_types lacks ${missing.join(', ')} unless ${describeExpression(expression)} adds them`, 'enabled_cluster_log_types');
    const message =
      types.state === 'absent' ? 'enabled_cluster_log_types is unset: no control plane logs are kept' : `enabled_cluster_log_types lacks ${missing.join(', ')}`;
    return violation(message, 'enabled_cluster_log_types');
  },
});
