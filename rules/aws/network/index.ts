/** AWS network rules: security groups, the VPC default group and flow logs, load balancers. */
import type { Rule } from '../../../engine/rule';
import { albDropInvalidHeaders } from './alb-drop-invalid-headers';
import { defaultSecurityGroupRestrictsAll } from './default-security-group-restricts-all';
import { lbDeletionProtection } from './lb-deletion-protection';
import { lbAccessLogs } from './lb-access-logs';
import { lbListenerHttps } from './lb-listener-https';
import { lbModernTlsPolicy } from './lb-modern-tls-policy';
import { noAdminPortsFromInternet } from './no-admin-ports-from-internet';
import { noAllPortsFromInternet } from './no-all-ports-from-internet';
import { noDataStorePortsFromInternet } from './no-data-store-ports-from-internet';
import { noMonitoringPortsFromInternet } from './no-monitoring-ports-from-internet';
import { securityGroupRuleDescription } from './security-group-rule-description';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled';

export const awsNetworkRules: readonly Rule[] = [
  noAdminPortsFromInternet,
  noAllPortsFromInternet,
  noDataStorePortsFromInternet,
  noMonitoringPortsFromInternet,
  securityGroupRuleDescription,
  defaultSecurityGroupRestrictsAll,
  vpcFlowLogsEnabled,
  lbListenerHttps,
  lbModernTlsPolicy,
  albDropInvalidHeaders,
  lbAccessLogs,
  lbDeletionProtection,
];
