/** Remote administration (SSH, RDP, WinRM) is never reachable from the whole internet. */
import { noPortsFromInternetRule } from '../common/internet-ingress';
import { ADMIN_PORTS } from '../common/ports';
import { digitaloceanInbound } from './firewall-inbound';

export const doFirewallNoAdminPortsFromInternet = noPortsFromInternetRule(
  digitaloceanInbound,
  { label: 'remote administration', ports: ADMIN_PORTS },
  {
    id: 'do-firewall-no-admin-ports-from-internet',
    title: 'DigitalOcean firewalls do not open SSH, RDP or WinRM to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'SSH, RDP and WinRM open to 0.0.0.0/0 or ::/0 are brute-forced and probed for pre-auth bugs by every ' +
      'scanner within minutes of boot. Administration belongs on a private path (the tailnet, a bastion, the ' +
      `VPC), never on the droplets' public addresses. Ports checked: ${ADMIN_PORTS.join(', ')}.`,
    fix:
      'Remove 0.0.0.0/0 and ::/0 from `source_addresses` of every inbound_rule whose port_range includes an ' +
      'administration port; allow specific addresses, `source_tags` or `source_droplet_ids` instead, or reach ' +
      'the hosts over the tailnet and drop the rule.',
    references: {
      checkov: ['CKV_DIO_4'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_DIO_4',
          kind: 'different',
          why:
            'CKV_DIO_4 fails any inbound rule from 0.0.0.0/0 or ::/0 whatever its ports, so it fails every public web service; this rule reports only remote administration ports (an opening of every port is left to do-firewall-no-all-ports-from-internet) ' +
            'open to the internet, including internet-wide ranges such as 0.0.0.0/1 that checkov passes, and source_addresses that are expressions (unknown) where checkov passes.',
        },
      ],
      docs: ['https://docs.digitalocean.com/products/networking/firewalls/'],
    },
    examples: {
      failing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'web', inbound_rule: [{ protocol: 'tcp', port_range: '22', source_addresses: ['0.0.0.0/0', '::/0'] }] },
      },
      passing: {
        resourceType: 'digitalocean_firewall',
        body: { name: 'web', inbound_rule: [{ protocol: 'tcp', port_range: '22', source_addresses: ['100.64.0.0/10'] }] },
      },
    },
  },
);
