import { doKubernetesAutoUpgrade as rule } from '../../../rules/digitalocean/do-kubernetes-auto-upgrade';
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

describe('do-kubernetes-auto-upgrade', () => {
  itHonoursItsExamples(rule);

  test('fires when unset (the default is false) or false', () => {
    const found = check(cluster());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'auto_upgrade' });
    expect(kinds(check(cluster({ auto_upgrade: false })))).toEqual(['violation']);
  });

  test('quiet when true', () => {
    expect(check(cluster({ auto_upgrade: true, maintenance_policy: { day: 'sunday', start_time: '03:00' } }))).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check(cluster({ auto_upgrade: '${var.auto_upgrade}' })))).toEqual(['unknown']);
  });
});
