/**
 * The built-in rule catalog: one rule per file, grouped by cloud. Profiles, docs/rules.md and the CLI's
 * `rules` / `explain` are all generated from the metadata of the rules listed here.
 */
import type { Rule } from '../engine/rule';
import { publicIpRequiresApproval } from './cross-cloud/public-ip-requires-approval';
import { requiredTags } from './cross-cloud/required-tags';
import { volumeEncryptionRequired } from './cross-cloud/volume-encryption-required';
import { moduleContentsUnverified } from './cross-cloud/module-contents-unverified';
import { noSecretsInUserData } from './cross-cloud/no-secrets-in-user-data';
import { awsComputeRules } from './aws/compute';
import { awsNetworkRules } from './aws/network';
import { awsDataRules } from './aws/data';
import { awsKeyRules } from './aws/keys';
import { awsIdentityRules } from './aws/identity';
import { awsLoggingRules } from './aws/logging';
import { awsEdgeRules } from './aws/edge';
import { awsDataStoreRules } from './aws/datastores';
import { awsContainerRules } from './aws/containers';
import { digitaloceanRules } from './digitalocean';
import { tailscaleRules } from './tailscale';

export const builtInRules: readonly Rule[] = [
  publicIpRequiresApproval,
  volumeEncryptionRequired,
  noSecretsInUserData,
  moduleContentsUnverified,
  requiredTags,
  ...awsComputeRules,
  ...awsNetworkRules,
  ...awsDataRules,
  ...awsKeyRules,
  ...awsIdentityRules,
  ...awsLoggingRules,
  ...awsEdgeRules,
  ...awsDataStoreRules,
  ...awsContainerRules,
  ...digitaloceanRules,
  ...tailscaleRules,
];
