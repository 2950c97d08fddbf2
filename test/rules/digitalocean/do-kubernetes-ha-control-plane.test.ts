import { doKubernetesHaControlPlane as rule } from '../../../rules/digitalocean/do-kubernetes-ha-control-plane';
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

describe('do-kubernetes-ha-control-plane', () => {
  itHonoursItsExamples(rule);

  test('fires when false, and when unset (the API default depends on provider and version)', () => {
    const found = check({ ha: false });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'ha' });
    expect(kinds(check({}))).toEqual(['violation']);
    expect(check({})[0].message).toContain('unset');
  });

  test('quiet when true', () => {
    expect(check({ ha: true })).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ ha: '${var.ha}' }))).toEqual(['unknown']);
  });
});
