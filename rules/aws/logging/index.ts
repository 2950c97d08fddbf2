/** The AWS logging and detection rules (CloudTrail, GuardDuty, Config, Access Analyzer, access logs), in catalog order. */
import type { Rule } from '../../../engine/rule';
import { accessAnalyzerArchiveRuleNotBlanket } from './access-analyzer-archive-rule-not-blanket';
import { accessAnalyzerExternalAccess } from './access-analyzer-external-access';
import { apigatewayAccessLogging } from './apigateway-access-logging';
import { apigatewayExecutionLogging } from './apigateway-execution-logging';
import { apigatewayXray } from './apigateway-xray';
import { cloudfrontAccessLogging } from './cloudfront-access-logging';
import { cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs';
import { cloudtrailGlobalServiceEvents } from './cloudtrail-global-service-events';
import { cloudtrailKmsEncryption } from './cloudtrail-kms-encryption';
import { cloudtrailLogFileValidation } from './cloudtrail-log-file-validation';
import { cloudtrailManagementEvents } from './cloudtrail-management-events';
import { cloudtrailLoggingEnabled } from './cloudtrail-logging-enabled';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region';
import { configRecorderAllResources } from './config-recorder-all-resources';
import { configRecorderEnabled } from './config-recorder-enabled';
import { configRecorderGlobalResources } from './config-recorder-global-resources';
import { eksControlPlaneLogging } from './eks-control-plane-logging';
import { guarddutyDetectorEnabled } from './guardduty-detector-enabled';
import { guarddutyEksProtection } from './guardduty-eks-protection';
import { guarddutyMalwareProtection } from './guardduty-malware-protection';
import { guarddutyS3Protection } from './guardduty-s3-protection';
import { route53QueryLogging } from './route53-query-logging';
import { s3AccessLogging } from './s3-access-logging';
import { wafv2Logging } from './wafv2-logging';

export const awsLoggingRules: readonly Rule[] = [
  cloudtrailLoggingEnabled,
  cloudtrailMultiRegion,
  cloudtrailManagementEvents,
  cloudtrailLogFileValidation,
  cloudtrailGlobalServiceEvents,
  cloudtrailKmsEncryption,
  cloudtrailCloudwatchLogs,
  guarddutyDetectorEnabled,
  guarddutyS3Protection,
  guarddutyEksProtection,
  guarddutyMalwareProtection,
  configRecorderEnabled,
  configRecorderAllResources,
  configRecorderGlobalResources,
  accessAnalyzerExternalAccess,
  accessAnalyzerArchiveRuleNotBlanket,
  s3AccessLogging,
  cloudfrontAccessLogging,
  wafv2Logging,
  apigatewayAccessLogging,
  apigatewayExecutionLogging,
  apigatewayXray,
  route53QueryLogging,
  eksControlPlaneLogging,
];
