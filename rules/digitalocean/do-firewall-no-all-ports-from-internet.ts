/** No inbound rule opens every port to the whole internet. */
import { noPortsFromInternetRule } from '../common/internet-ingress';
import { digitaloceanInbound } from './firewall-inbound';

export const doFirewallNoAllPortsFromInternet = noPortsFromInternetRule(
  digitaloceanInbound,
  { label: 'all', ports: 'every' },
  {
    id: 'do-firewall-no-all-ports-from-internet',
    title: 'DigitalOcean firewalls do not open all ports to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'A rule that opens every TCP or UDP port to 0.0.0.0/0 or ::/0 turns the firewall off for that protocol: ' +
      'every service a droplet starts, now or later (a debug server, a forgotten exporter), is on the internet.',
    fix:
      'Replace port_range "1-65535" / "all" (or a missing port_range) with the ports the service needs, or ' + 'restrict `source_addresses` to known networks.',
    references: {
      checkov: ['CKV_DIO_4'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_DIO_4',
          kind: 'different',
          why:
            'CKV_DIO_4 fails any inbound rule from 0.0.0.0/0 or ::/0 whatever its ports, so it fails every public web service; this rule reports only an opening of every port ' +
            'open to the internet, including internet-wide ranges such as 0.0.0.0/1 that checkov passes, and source_addresses that are expressions (unknown) where checkov passes.',
        },
      ],
      docs: ['https://docs.digitalocean.com/products/networking/firewalls/'],
    },
    examples: {
      failing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'web', inbound_rule: [{ protocol: 'tcp', port_range: '1-65535', source_addresses: ['0.0.0.0/0'] }] },
      },
      passing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'web', inbound_rule: [{ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0', '::/0'] }] },
      },
    },
  },
);
