import { doKubernetesSurgeUpgrade as rule } from '../../../rules/digitalocean/do-kubernetes-surge-upgrade';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const cluster = (extra: Record<string, unknown> = {}) => ({
  name: 'k8s',
  region: 'ams3',
  version: '1.33.1-do.0',
  node_pool: { name: 'default', size: 's-2vcpu-4gb', node_count: 2 },
  ...extra,
});
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_kubernetes_cluster', body);

describe('do-kubernetes-surge-upgrade', () => {
  itHonoursItsExamples(rule);

  test('fires when turned off; a strict warning', () => {
    const found = check(cluster({ surge_upgrade: false }));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'surge_upgrade' });
    expect(rule.profile).toBe('strict');
  });

  test('quiet when unset (the provider default is true) or true', () => {
    expect(check(cluster())).toEqual([]);
    expect(check(cluster({ surge_upgrade: true }))).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check(cluster({ surge_upgrade: '${var.surge}' })))).toEqual(['unknown']);
  });
});
