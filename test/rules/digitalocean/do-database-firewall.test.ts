import { doDatabaseFirewall as rule } from '../../../rules/digitalocean/do-database-firewall';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const cluster = { name: 'pg', engine: 'pg', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1 };
const dbFirewall = (extra: Record<string, unknown>) => ({
  cluster_id: '${digitalocean_database_cluster.subject.id}',
  rule: [{ type: 'tag', value: 'role:app' }],
  ...extra,
});
const checkCluster = (...firewalls: Record<string, unknown>[]) =>
  findingsFor(rule, 'digitalocean_database_cluster', cluster, {
    // No firewalls: no `digitalocean_database_firewall` key at all (Terraform rejects a type with no resources).
    resource:
      firewalls.length === 0
        ? ({} as Record<string, Record<string, unknown>>)
        : { digitalocean_database_firewall: Object.fromEntries(firewalls.map((f, i) => [`fw${i}`, f])) },
  });
const checkFirewall = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_database_firewall', body);

describe('do-database-firewall', () => {
  itHonoursItsExamples(rule);

  describe('digitalocean_database_cluster', () => {
    test('fires without a database firewall that names it', () => {
      const found = checkCluster();
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].severity).toBe('error');
      expect(kinds(checkCluster(dbFirewall({ cluster_id: '${digitalocean_database_cluster.other.id}' })))).toEqual(['violation']);
      expect(kinds(checkCluster(dbFirewall({ cluster_id: 'a-literal-uuid' })))).toEqual(['violation']);
      expect(kinds(checkCluster(dbFirewall({ count: 0 })))).toEqual(['violation']);
    });

    test('quiet when a firewall names it (its rules are checked on the firewall)', () => {
      expect(checkCluster(dbFirewall({}))).toEqual([]);
      expect(checkCluster(dbFirewall({ rule: [{ type: 'ip_addr', value: '0.0.0.0/0' }] }))).toEqual([]);
    });

    test("unknown when a firewall's cluster_id or existence is an expression", () => {
      expect(kinds(checkCluster(dbFirewall({ cluster_id: '${var.cluster_id}' })))).toEqual(['unknown']);
      expect(kinds(checkCluster(dbFirewall({ count: '${var.n}' })))).toEqual(['unknown']);
    });
  });

  describe('digitalocean_database_firewall', () => {
    const fw = (...rules: Record<string, unknown>[]) => ({ cluster_id: 'abc', rule: rules });

    test.each([['0.0.0.0/0'], ['::/0'], ['0.0.0.0']])('fires on an ip_addr rule for %s', (cidr) => {
      const found = checkFirewall(fw({ type: 'tag', value: 'role:app' }, { type: 'ip_addr', value: cidr }));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('rule[1].value');
    });

    test('fires on a firewall without rules', () => {
      expect(kinds(checkFirewall({ cluster_id: 'abc' }))).toEqual(['violation']);
      expect(kinds(checkFirewall({ cluster_id: 'abc', rule: [] }))).toEqual(['violation']);
    });

    test('quiet for specific addresses and resource rules', () => {
      expect(checkFirewall(fw({ type: 'ip_addr', value: '203.0.113.7' }, { type: 'droplet', value: '${digitalocean_droplet.web.id}' }))).toEqual([]);
      expect(checkFirewall({ cluster_id: 'abc', rule: { type: 'k8s', value: '${digitalocean_kubernetes_cluster.k.id}' } })).toEqual([]);
    });

    test('unknown for expressions', () => {
      expect(kinds(checkFirewall(fw({ type: 'ip_addr', value: '${var.office_ip}' })))).toEqual(['unknown']);
      expect(kinds(checkFirewall(fw({ type: '${var.kind}', value: '0.0.0.0/0' })))).toEqual(['unknown']);
      expect(checkFirewall(fw({ type: '${var.kind}', value: '203.0.113.7' }))).toEqual([]);
      expect(kinds(checkFirewall({ cluster_id: 'abc', rule: '${local.rules}' }))).toEqual(['unknown']);
    });

    test('dynamic rule blocks: content is checked, and a possibly empty for_each is unknown', () => {
      const dyn = (forEach: unknown, content: Record<string, unknown>) => ({ cluster_id: 'abc', dynamic: { rule: { for_each: forEach, content } } });
      expect(kinds(checkFirewall(dyn('${var.ips}', { type: 'ip_addr', value: '${rule.value}' })))).toEqual(['unknown']);
      expect(kinds(checkFirewall(dyn('${var.tags}', { type: 'tag', value: 'role:app' })))).toEqual(['unknown']);
      expect(checkFirewall(dyn(['a'], { type: 'tag', value: 'role:app' }))).toEqual([]);
      expect(kinds(checkFirewall(dyn(['a'], { type: 'ip_addr', value: '::/0' })))).toEqual(['violation']);
    });
  });
});
