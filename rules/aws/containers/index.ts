/** The AWS container, load balancer and access rules (ECR, ECS, EKS, classic ELB, network ACLs, IAM escalation and trust), in catalog order. */
import type { Rule } from '../../../engine/rule';

export const awsContainerRules: readonly Rule[] = [];
