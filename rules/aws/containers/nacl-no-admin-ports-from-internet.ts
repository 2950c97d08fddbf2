/** Network ACLs do not allow SSH, RDP or WinRM in from the internet. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { entryResult, selectedPorts } from '../../common/internet-ingress';
import { ADMIN_PORTS, portsInRange } from '../../common/ports';
import { deniedFirst, NACL_TYPES, naclIngress } from './nacl-entries';

const SELECTION = { label: 'remote administration', ports: ADMIN_PORTS };

export const naclNoAdminPortsFromInternet = defineRule({
  id: 'nacl-no-admin-ports-from-internet',
  title: 'Network ACLs do not allow SSH, RDP or WinRM in from the internet',
  severity: 'warning',
  profile: 'baseline',
  category: 'network',
  resourceTypes: NACL_TYPES,
  rationale:
    "A network ACL is the subnet's second line behind security groups: an allow entry for 22, 3389 or " +
    '5985-5986 from 0.0.0.0/0 or ::/0 (or a range including them, or protocol -1) means that one mistaken ' +
    'security group exposes administration ports to the brute-forcing that starts minutes after an address ' +
    'goes live. A NACL applies the first matching entry by rule number, so an allow entry that deny entries ' +
    'with lower numbers override (for the whole address family, all protocols or TCP) is not reported. A ' +
    'warning: security groups remain the primary control, and no-admin-ports-from-internet covers them.',
  fix:
    'Allow administration ports only from the networks that administer (the VPN, the tailnet router), or add ' +
    'a deny entry for them from 0.0.0.0/0 and ::/0 numbered before the broad allow; better, use SSM Session ' +
    'Manager or Tailscale SSH and open nothing.',
  references: {
    checkov: ['CKV_AWS_231', 'CKV_AWS_232'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_232',
        kind: 'stricter',
        why:
          'WinRM (5985-5986) and internet-wide ranges such as 0.0.0.0/1 count too, aws_default_network_acl is covered, and only deny entries with a ' +
          'lower rule number clear an allow (checkov sorts inline entries but passes an aws_network_acl_rule whatever its siblings deny or allow).',
      },
      { peer: 'checkov', check: 'CKV_AWS_231', kind: 'stricter', why: 'as for CKV_AWS_232, for RDP (3389).' },
    ],
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_network_acl',
      body: {
        vpc_id: '${aws_vpc.main.id}',
        ingress: [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' }],
      },
    },
    passing: {
      resourceType: 'aws_network_acl',
      body: {
        vpc_id: '${aws_vpc.main.id}',
        ingress: [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0' }],
      },
    },
  },
  check(resource, context) {
    const { own, all, results } = naclIngress(resource, context);
    const found: CheckResult[] = [...results];
    for (const entry of own) {
      if (entry.action.state === 'known' && entry.action.value !== 'allow') continue;
      const result = entryResult(entry, SELECTION);
      if (!result) continue;
      if (result.status === 'violation' && entry.opens.state === 'known') {
        const opening = entry.opens.value;
        const ports =
          opening.ports === 'all' ? [...ADMIN_PORTS] : opening.ports === 'none' ? [] : portsInRange(opening.ports.from, opening.ports.to, ADMIN_PORTS);
        if (deniedFirst(entry, ports, all)) continue;
        if (entry.action.state === 'unknown') {
          found.push(
            unknown(
              `${entry.path || 'this rule'} would open ${selectedPorts(opening, SELECTION)} to the internet if it allows, and ${entry.action.expression}`,
              entry.action.attribute,
            ),
          );
          continue;
        }
      }
      found.push(result);
    }
    return found.length > 0 ? found : [pass('no entry allows remote administration ports in from the internet')];
  },
});
