/** No ingress rule opens every port (protocol -1, or a 0-65535 range) to the internet. */
import { noPortsFromInternetRule } from '../../common/internet-ingress';
import { awsIngress } from './security-group-ingress';

export const noAllPortsFromInternet = noPortsFromInternetRule(
  awsIngress,
  { label: 'all', ports: 'every' },
  {
    id: 'no-all-ports-from-internet',
    title: 'Security groups do not open every port to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'A rule that admits all traffic from 0.0.0.0/0 or ::/0 turns the security group into no firewall at all: ' +
      'every service on the host, including ones started later or bound to all interfaces by mistake, faces the ' +
      'internet. This catches protocol -1 and TCP/UDP ranges covering the whole port space (checkov CKV_AWS_277 ' +
      'only catches the first).',
    fix: 'Open only the ports the service needs (e.g. tcp 443), or restrict the source to a security group or prefix list.',
    references: {
      checkov: ['CKV_AWS_277'],
      deviations: [
        {
          peer: 'checkov',
          check: 'CKV_AWS_277',
          kind: 'stricter',
          why:
            'checkov catches only protocol -1 with ports 0-0 (or a rule without ports) from 0.0.0.0/0 or ::/0; TCP / UDP ranges covering every port and ' +
            'internet-wide ranges such as 0.0.0.0/1 are reported here too.',
        },
      ],
    },
    examples: {
      failing: { resourceType: 'aws_vpc_security_group_ingress_rule', body: { security_group_id: 'sg-1', ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } },
      passing: {
        resourceType: 'aws_vpc_security_group_ingress_rule',
        body: { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
      },
    },
  },
);
