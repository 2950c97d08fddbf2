/** Databases, caches and search clusters are never reachable from the whole internet. */
import { noPortsFromInternetRule } from '../common/internet-ingress';
import { DATA_STORE_PORTS } from '../common/ports';
import { digitaloceanInbound } from './firewall-inbound';

export const doFirewallNoDataStorePortsFromInternet = noPortsFromInternetRule(
  digitaloceanInbound,
  { label: 'data-store', ports: DATA_STORE_PORTS },
  {
    id: 'do-firewall-no-data-store-ports-from-internet',
    title: 'DigitalOcean firewalls do not open database, cache or search ports to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'Internet-facing Redis, MongoDB, Elasticsearch, etcd and SQL servers are found by mass scanners and ' +
      'emptied, ransomed or taken over, often because they run without authentication by default. Only the ' +
      `application tier should reach them. Ports checked: ${DATA_STORE_PORTS.join(', ')}.`,
    fix:
      'Remove 0.0.0.0/0 and ::/0 from `source_addresses` of every inbound_rule whose port_range includes a data ' +
      'store port; allow the application droplets with `source_tags` or `source_droplet_ids`, or use a managed ' +
      'database with a database firewall.',
    references: {
      checkov: ['CKV_DIO_4'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_DIO_4',
          kind: 'different',
          why:
            'CKV_DIO_4 fails any inbound rule from 0.0.0.0/0 or ::/0 whatever its ports, so it fails every public web service; this rule reports only data-store ports (an opening of every port is left to do-firewall-no-all-ports-from-internet) ' +
            'open to the internet, including internet-wide ranges such as 0.0.0.0/1 that checkov passes, and source_addresses that are expressions (unknown) where checkov passes.',
        },
      ],
      docs: ['https://docs.digitalocean.com/products/networking/firewalls/'],
    },
    examples: {
      failing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'db', inbound_rule: [{ protocol: 'tcp', port_range: '5432', source_addresses: ['0.0.0.0/0'] }] },
      },
      passing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'db', inbound_rule: [{ protocol: 'tcp', port_range: '5432', source_tags: ['role:app'] }] },
      },
    },
  },
);
