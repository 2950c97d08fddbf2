/** DOKS clusters run a highly available control plane, so an upgrade or a failure does not stop the API. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doKubernetesHaControlPlane = defineRule({
  id: 'do-kubernetes-ha-control-plane',
  title: 'DigitalOcean Kubernetes clusters use a high-availability control plane',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['digitalocean_kubernetes_cluster'],
  rationale:
    'A single control-plane replica is unavailable during control-plane upgrades and failures: deployments, ' +
    'autoscaling and certificate rotation stop, and a pending security fix to a workload cannot be rolled out. ' +
    '`ha = true` runs replicated control-plane components (and cannot be turned off again). Unset is ' +
    'reported: providers before v2.87.0 send false, and later ones leave it to the API, whose default depends ' +
    'on the Kubernetes version, so only an explicit true is known. Strict: it is availability, and costs extra.',
  fix: 'Set `ha = true` on the cluster.',
  references: {
    docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/kubernetes_cluster'],
  },
  examples: {
    failing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
    passing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', ha: true, node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
  },
  check: (cluster) => requireBool(cluster.body, 'ha', 'a high-availability control plane'),
});
