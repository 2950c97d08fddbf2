/** DOKS clusters take Kubernetes patch releases automatically, in their maintenance window. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doKubernetesAutoUpgrade = defineRule({
  id: 'do-kubernetes-auto-upgrade',
  title: 'DigitalOcean Kubernetes clusters upgrade patch releases automatically',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['digitalocean_kubernetes_cluster'],
  rationale:
    'Kubernetes patch releases fix vulnerabilities in the API server, kubelet and container runtime. With ' +
    '`auto_upgrade` unset (false) a cluster stays on the patch it was created with until someone notices, and ' +
    'DigitalOcean eventually force-upgrades end-of-life versions at a time nobody chose.',
  fix: 'Set `auto_upgrade = true` and a `maintenance_policy { day, start_time }` that suits the workload.',
  references: { docs: ['https://docs.digitalocean.com/products/kubernetes/how-to/upgrade-cluster/'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
    passing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', auto_upgrade: true, node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
  },
  check: (cluster) => requireBool(cluster.body, 'auto_upgrade', 'automatic patch upgrades', { defaultValue: false }),
});
