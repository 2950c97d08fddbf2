import { guarddutyS3Protection as rule } from '../../../../rules/aws/logging/guardduty-s3-protection';
import { describeGuardDutyFeatureRule } from './guardduty-feature-cases';

describeGuardDutyFeatureRule(rule, {
  datasources: (enable) => ({ datasources: { s3_logs: { enable } } }),
  feature: 'S3_DATA_EVENTS',
  otherFeature: 'RDS_LOGIN_EVENTS',
});
