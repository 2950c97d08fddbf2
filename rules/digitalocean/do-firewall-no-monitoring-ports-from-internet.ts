/** Metrics and dashboards are reached over the tailnet only, never from the whole internet. */
import { noPortsFromInternetRule } from '../common/internet-ingress';
import { MONITORING_PORTS } from '../common/ports';
import { digitaloceanInbound } from './firewall-inbound';

export const doFirewallNoMonitoringPortsFromInternet = noPortsFromInternetRule(
  digitaloceanInbound,
  { label: 'monitoring', ports: MONITORING_PORTS },
  {
    id: 'do-firewall-no-monitoring-ports-from-internet',
    title: 'DigitalOcean firewalls do not open monitoring ports to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'node exporter, Prometheus, Alertmanager and Grafana endpoints disclose host names, versions, users, ' +
      'network layout and sometimes secrets in labels, and Grafana and Alertmanager accept writes. They ' +
      `are reached over the tailnet only. Ports checked: ${MONITORING_PORTS.join(', ')}.`,
    fix:
      'Remove 0.0.0.0/0 and ::/0 from `source_addresses` of every inbound_rule whose port_range includes a ' +
      'monitoring port; scrape over the tailnet or allow the monitoring droplets by `source_tags`.',
    references: {
      checkov: ['CKV_DIO_4'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_DIO_4',
          kind: 'different',
          why:
            'CKV_DIO_4 fails any inbound rule from 0.0.0.0/0 or ::/0 whatever its ports, so it fails every public web service; this rule reports only monitoring ports (an opening of every port is left to do-firewall-no-all-ports-from-internet) ' +
            'open to the internet, including internet-wide ranges such as 0.0.0.0/1 that checkov passes, and source_addresses that are expressions (unknown) where checkov passes.',
        },
      ],
      docs: ['https://docs.digitalocean.com/products/networking/firewalls/'],
    },
    examples: {
      failing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'metrics', inbound_rule: [{ protocol: 'tcp', port_range: '9100', source_addresses: ['::/0'] }] },
      },
      passing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'metrics', inbound_rule: [{ protocol: 'tcp', port_range: '9100', source_tags: ['role:prometheus'] }] },
      },
    },
  },
);
