/** Managed databases live in a VPC chosen on purpose, not the region's shared default. */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import { referencedAddress, stringAttr } from '../../engine/values';

export const doDatabasePrivateNetwork = defineRule({
  id: 'do-database-private-network',
  title: 'Managed database clusters are placed in a named VPC (private_network_uuid)',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['digitalocean_database_cluster'],
  rationale:
    "Without `private_network_uuid` the cluster joins the region's default VPC, which every droplet, " +
    'Kubernetes node and database of the account in that region shares, so anything compromised there can ' +
    'reach its private endpoint. A dedicated VPC keeps the private path to the application tier only; the ' +
    'VPC cannot be changed without migrating the cluster later.',
  fix: 'Set `private_network_uuid = digitalocean_vpc.<name>.id` to the VPC of the application that uses the database.',
  references: { docs: ['https://docs.digitalocean.com/products/networking/vpc/'] },
  examples: {
    failing: { resourceType: 'digitalocean_database_cluster', body: { name: 'pg', engine: 'pg', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1 } },
    passing: {
      resourceType: 'digitalocean_database_cluster',
      body: { name: 'pg', engine: 'pg', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1, private_network_uuid: '${digitalocean_vpc.app.id}' },
      others: { digitalocean_vpc: { app: { name: 'app', region: 'ams3' } } },
    },
  },
  check(cluster, context) {
    const vpc = stringAttr(cluster.body, 'private_network_uuid');
    if (vpc.state === 'known' && vpc.value.trim() !== '') return pass(`private_network_uuid = ${vpc.value}`, 'private_network_uuid');
    if (vpc.state === 'unknown') {
      // A reference to a resource in the stack (`digitalocean_vpc.app.id`) is always set; a variable may be null.
      const address = referencedAddress(vpc.expression);
      if (address && context.resourceAt(address)) return pass(`private_network_uuid is ${address}`, 'private_network_uuid');
      return unknownValue('private_network_uuid', vpc);
    }
    return violation("private_network_uuid is not set: the cluster joins the region's default VPC", 'private_network_uuid');
  },
});
