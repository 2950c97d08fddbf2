/** AWS compute rules: instance metadata service, monitoring, instance profiles, termination protection. */
import type { Rule } from '../../../engine/rule';
import { imdsHopLimit } from './imds-hop-limit';
import { imdsv2Required } from './imdsv2-required';
import { instanceDetailedMonitoring } from './instance-detailed-monitoring';
import { instanceEbsOptimized } from './instance-ebs-optimized';
import { instanceProfileRequired } from './instance-profile-required';
import { terminationProtectionCritical } from './termination-protection-critical';

export const awsComputeRules: readonly Rule[] = [
  imdsv2Required,
  imdsHopLimit,
  instanceDetailedMonitoring,
  instanceEbsOptimized,
  instanceProfileRequired,
  terminationProtectionCritical,
];
