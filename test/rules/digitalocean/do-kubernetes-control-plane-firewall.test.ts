import { doKubernetesControlPlaneFirewall as rule } from '../../../rules/digitalocean/do-kubernetes-control-plane-firewall';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) =>
  findingsFor(rule, 'digitalocean_kubernetes_cluster', {
    name: 'k8s',
    region: 'ams3',
    version: '1.33.1-do.0',
    node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 },
    ...extra,
  });
const firewall = (enabled: unknown, allowed: unknown) => check({ control_plane_firewall: { enabled, allowed_addresses: allowed } });

describe('do-kubernetes-control-plane-firewall', () => {
  itHonoursItsExamples(rule);

  test('fires without a firewall, with it disabled, or open to the internet', () => {
    const found = check({});
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'control_plane_firewall' });
    expect(kinds(firewall(false, ['203.0.113.0/24']))).toEqual(['violation']);
    expect(kinds(firewall(true, ['203.0.113.0/24', '0.0.0.0/0']))).toEqual(['violation']);
    expect(kinds(firewall(true, ['::/0']))).toEqual(['violation']);
  });

  test('quiet when enabled for named networks', () => {
    expect(firewall(true, ['203.0.113.0/24', '198.51.100.7/32'])).toEqual([]);
    expect(check({ control_plane_firewall: [{ enabled: 'true', allowed_addresses: ['10.0.0.0/8'] }] })).toEqual([]);
  });

  test('unknown for expressions and for a dynamic block that may produce none', () => {
    expect(kinds(firewall('${var.fw}', ['203.0.113.0/24']))).toEqual(['unknown']);
    expect(kinds(firewall(true, '${var.allowed}'))).toEqual(['unknown']);
    expect(kinds(firewall(true, ['${var.office}']))).toEqual(['unknown']);
    expect(
      kinds(check({ dynamic: { control_plane_firewall: { for_each: '${var.fw}', content: { enabled: true, allowed_addresses: ['10.0.0.0/8'] } } } })),
    ).toEqual(['unknown']);
  });
});
