/** The DOKS API server accepts connections only from named networks, not from the whole internet. */
import { defineRule } from '../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { boolAttr, describeExpression, isExpression, listAttr } from '../../engine/values';
import { isInternetCidr } from '../common/ports';
import { forEachBlock } from '../common/shapes';

export const doKubernetesControlPlaneFirewall = defineRule({
  id: 'do-kubernetes-control-plane-firewall',
  title: 'DigitalOcean Kubernetes clusters restrict their API server with a control-plane firewall',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['digitalocean_kubernetes_cluster'],
  rationale:
    "A DOKS cluster's API server has a public endpoint that accepts connections from any address unless a " +
    '`control_plane_firewall` is enabled: a leaked kubeconfig or token, or the next API-server vulnerability, ' +
    "is then usable from anywhere. An enabled firewall whose `allowed_addresses` name the operators' and CI " +
    'networks (not 0.0.0.0/0) leaves only those. Strict: CI runners with changing addresses (hosted GitHub ' +
    'Actions) may need the API open, and it is authenticated either way.',
  fix: 'Add `control_plane_firewall { enabled = true, allowed_addresses = ["<office or VPN CIDR>", "<CI CIDR>"] }`.',
  references: { docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/kubernetes_cluster'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: { name: 'k8s', region: 'ams3', version: '1.33.1-do.0', node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 } },
    },
    passing: {
      resourceType: 'digitalocean_kubernetes_cluster',
      body: {
        name: 'k8s',
        region: 'ams3',
        version: '1.33.1-do.0',
        node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 },
        control_plane_firewall: { enabled: true, allowed_addresses: ['203.0.113.0/24'] },
      },
    },
  },
  check: (cluster) =>
    forEachBlock(
      cluster.body,
      'control_plane_firewall',
      (block): CheckResult => {
        const enabled = boolAttr(block.body, 'enabled');
        if (enabled.state === 'unknown') return unknownValue(`${block.path}.enabled`, enabled);
        if (enabled.state === 'absent' || !enabled.value)
          return violation(`${block.path} is not enabled: the API server accepts connections from any address`, `${block.path}.enabled`);
        const at = `${block.path}.allowed_addresses`;
        const addresses = listAttr(block.body, 'allowed_addresses');
        if (addresses.state === 'unknown') return unknownValue(at, addresses);
        const list = addresses.state === 'known' ? addresses.value : [];
        const open = list.find((a) => typeof a === 'string' && !isExpression(a) && isInternetCidr(a));
        if (open !== undefined) return violation(`${at} includes ${String(open)}: the whole internet`, at);
        const doubt = list.find((a) => typeof a !== 'string' || isExpression(a));
        if (doubt !== undefined) return unknown(`${at} includes ${describeExpression(typeof doubt === 'string' ? doubt : JSON.stringify(doubt))}`, at);
        return pass(`the API server accepts ${list.length > 0 ? list.join(', ') : 'no address'} only`, at);
      },
      violation('no control_plane_firewall: the API server accepts connections from any address', 'control_plane_firewall'),
    ),
});
