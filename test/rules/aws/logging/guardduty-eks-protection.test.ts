import { guarddutyEksProtection as rule } from '../../../../rules/aws/logging/guardduty-eks-protection';
import { describeGuardDutyFeatureRule } from './guardduty-feature-cases';

describeGuardDutyFeatureRule(rule, {
  datasources: (enable) => ({ datasources: { kubernetes: { audit_logs: { enable } } } }),
  feature: 'EKS_AUDIT_LOGS',
  otherFeature: 'S3_DATA_EVENTS',
});
