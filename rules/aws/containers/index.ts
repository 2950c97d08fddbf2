/** The AWS container, load balancer and access rules (ECR, ECS, EKS, classic ELB, network ACLs, IAM escalation and trust), in catalog order. */
import type { Rule } from '../../../engine/rule';
import { ecrImageScanOnPush } from './ecr-image-scan-on-push';
import { ecrImmutableTags } from './ecr-immutable-tags';
import { ecrKmsEncryption } from './ecr-kms-encryption';
import { ecrRepositoryPolicyNotPublic } from './ecr-repository-policy-not-public';
import { ecsNoHostNetworkMode } from './ecs-no-host-network-mode';
import { ecsNoHostPidIpc } from './ecs-no-host-pid-ipc';
import { ecsNonRootUser } from './ecs-non-root-user';
import { ecsNoPrivilegedContainers } from './ecs-no-privileged-containers';
import { ecsNoSecretsInEnvironment } from './ecs-no-secrets-in-environment';
import { ecsPublicIpRequiresApproval } from './ecs-public-ip-requires-approval';
import { ecsReadOnlyRootFilesystem } from './ecs-read-only-root-filesystem';
import { eksNodeGroupNoOpenSsh } from './eks-node-group-no-open-ssh';
import { eksPublicEndpointRestricted } from './eks-public-endpoint-restricted';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { elbAccessLogs } from './elb-access-logs';
import { elbListenerEncrypted } from './elb-listener-encrypted';
import { iamCrossAccountTrustGuarded } from './iam-cross-account-trust-guarded';
import { iamNoPrivilegeEscalation } from './iam-no-privilege-escalation';
import { kmsKeyPolicyNoFullAccess } from './kms-key-policy-no-full-access';
import { naclNoAdminPortsFromInternet } from './nacl-no-admin-ports-from-internet';
import { secretsManagerPolicyNotPublic } from './secrets-manager-policy-not-public';
import { secretsManagerPolicyNoWildcardActions } from './secrets-manager-policy-no-wildcard-actions';

export const awsContainerRules: readonly Rule[] = [
  ecrImageScanOnPush,
  ecrImmutableTags,
  ecrKmsEncryption,
  ecrRepositoryPolicyNotPublic,
  ecsNoPrivilegedContainers,
  ecsNoHostPidIpc,
  ecsNoHostNetworkMode,
  ecsReadOnlyRootFilesystem,
  ecsNonRootUser,
  ecsNoSecretsInEnvironment,
  ecsPublicIpRequiresApproval,
  eksPublicEndpointRestricted,
  eksSecretsEncryption,
  eksNodeGroupNoOpenSsh,
  elbListenerEncrypted,
  elbAccessLogs,
  naclNoAdminPortsFromInternet,
  iamNoPrivilegeEscalation,
  iamCrossAccountTrustGuarded,
  kmsKeyPolicyNoFullAccess,
  secretsManagerPolicyNotPublic,
  secretsManagerPolicyNoWildcardActions,
];
