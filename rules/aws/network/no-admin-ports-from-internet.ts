/** SSH, RDP and WinRM are never reachable from the internet: administration goes over the tailnet or SSM. */
import { noPortsFromInternetRule } from '../../common/internet-ingress';
import { ADMIN_PORTS } from '../../common/ports';
import { awsIngress } from './security-group-ingress';

export const noAdminPortsFromInternet = noPortsFromInternetRule(
  awsIngress,
  { label: 'remote administration', ports: ADMIN_PORTS },
  {
    id: 'no-admin-ports-from-internet',
    title: 'Security groups do not open SSH, RDP or WinRM to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'Remote-administration ports open to 0.0.0.0/0 or ::/0 are brute-forced within minutes of an address going ' +
      'live, and every pre-authentication bug in sshd or RDP becomes remotely exploitable. Hosts are administered ' +
      'over the tailnet or AWS Systems Manager Session Manager, which need no inbound port at all. A port range ' +
      'that merely includes 22 counts too, as do ranges so wide they are the internet (e.g. 0.0.0.0/1).',
    fix:
      'Remove the ingress rule, or restrict its source to a security group, prefix list or a narrow CIDR (the ' +
      'tailnet, a bastion). Use SSM Session Manager or Tailscale SSH instead of an open port.',
    references: {
      checkov: ['CKV_AWS_24', 'CKV_AWS_25'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_AWS_24',
          kind: 'different',
          why:
            'an ingress rule that opens every port (protocol -1, or 0-65535) fails CKV_AWS_24 and CKV_AWS_25 as well as CKV_AWS_277 in checkov; here it is ' +
            'one finding, from no-all-ports-from-internet. Otherwise stricter: WinRM (5985-5986) and internet-wide ranges such as 0.0.0.0/1 count, and ' +
            'checkov stops at the first ingress block with self = true and passes the group, whatever blocks follow.',
        },
        {
          peer: 'checkov',
          check: 'CKV_AWS_25',
          kind: 'different',
          why: 'as for CKV_AWS_24: RDP in an every-port opening is reported once, by no-all-ports-from-internet.',
        },
      ],
      docs: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html'],
    },
    examples: {
      failing: {
        resourceType: 'aws_security_group',
        body: { ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], description: 'ssh' }] },
      },
      passing: {
        resourceType: 'aws_security_group',
        body: { ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'], description: 'https' }] },
      },
    },
  },
);
