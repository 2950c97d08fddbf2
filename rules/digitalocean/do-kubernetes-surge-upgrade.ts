/** DOKS upgrades add replacement nodes before draining old ones, so upgrading costs no capacity. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doKubernetesSurgeUpgrade = defineRule({
  id: 'do-kubernetes-surge-upgrade',
  title: 'DigitalOcean Kubernetes clusters keep surge upgrades on',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['digitalocean_kubernetes_cluster'],
  rationale:
    'Without surge upgrades each node is drained before its replacement exists, so every upgrade runs the ' +
    'cluster short of capacity, and teams that feel that pain start postponing security upgrades. The ' +
    'provider default is true; this rule catches the explicit opt-out.',
  fix: 'Remove `surge_upgrade = false` (the default is true) or set `surge_upgrade = true`.',
  references: { docs: ['https://docs.digitalocean.com/products/kubernetes/how-to/upgrade-cluster/'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', surge_upgrade: false, node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
    passing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
  },
  // Provider schema: surge_upgrade is Optional with Default true.
  check: (cluster) => requireBool(cluster.body, 'surge_upgrade', 'surge upgrades', { defaultValue: true }),
});
