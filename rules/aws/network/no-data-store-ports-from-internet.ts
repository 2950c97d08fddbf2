/** Database, cache and search-engine ports are never reachable from the internet. */
import { noPortsFromInternetRule } from '../../common/internet-ingress';
import { DATA_STORE_PORTS } from '../../common/ports';
import { awsIngress } from './security-group-ingress';

export const noDataStorePortsFromInternet = noPortsFromInternetRule(
  awsIngress,
  { label: 'data-store', ports: DATA_STORE_PORTS },
  {
    id: 'no-data-store-ports-from-internet',
    title: 'Security groups do not open database, cache or search ports to the internet',
    severity: 'error',
    profile: 'baseline',
    rationale:
      'Internet-facing Redis, MongoDB, Elasticsearch and memcached are the classic source of mass data leaks and ' +
      'ransom wipes: many ship without authentication, and the rest are brute-forced. Data stores are reached ' +
      'only from the application tier (a security-group source) or the tailnet. checkov has no AWS check for ' +
      'these ports.',
    fix: 'Restrict the source to the application security group (security_groups / referenced_security_group_id) or a private CIDR.',
    examples: {
      failing: {
        resourceType: 'aws_security_group_rule',
        body: { type: 'ingress', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'], security_group_id: 'sg-1' },
      },
      passing: {
        resourceType: 'aws_security_group_rule',
        body: { type: 'ingress', protocol: 'tcp', from_port: 5432, to_port: 5432, source_security_group_id: 'sg-app', security_group_id: 'sg-1' },
      },
    },
  },
);
