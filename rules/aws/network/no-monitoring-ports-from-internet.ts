/** Metrics and dashboards (node exporter, Prometheus, Alertmanager, Grafana) are reached only over the tailnet. */
import { noPortsFromInternetRule } from '../../common/internet-ingress';
import { MONITORING_PORTS } from '../../common/ports';
import { awsIngress } from './security-group-ingress';

export const noMonitoringPortsFromInternet = noPortsFromInternetRule(
  awsIngress,
  { label: 'monitoring', ports: MONITORING_PORTS },
  {
    id: 'no-monitoring-ports-from-internet',
    title: 'Security groups do not open monitoring ports to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'Metrics endpoints leak host names, versions, internal addresses and traffic patterns, and are ' +
      'unauthenticated by default; Grafana and Prometheus have had remotely exploitable bugs and admin APIs that ' +
      'can delete data. They are scraped and viewed over the tailnet only.',
    fix: 'Remove the rule and scrape over the tailnet, or restrict the source to the monitoring security group.',
    examples: {
      failing: {
        resourceType: 'aws_vpc_security_group_ingress_rule',
        body: { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 9100, to_port: 9100, cidr_ipv6: '::/0' },
      },
      passing: {
        resourceType: 'aws_vpc_security_group_ingress_rule',
        body: { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 9100, to_port: 9100, cidr_ipv4: '100.64.0.0/10' },
      },
    },
  },
);
