import { doDropletFirewallRequired as rule } from '../../../rules/digitalocean/do-droplet-firewall-required';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const droplet = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', ...extra });
const firewall = (extra: Record<string, unknown>) => ({
  name: 'fw',
  inbound_rule: [{ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0'] }],
  ...extra,
});
// No firewalls: no `digitalocean_firewall` key at all (Terraform rejects a type with no resources).
const withFirewalls = (...firewalls: Record<string, unknown>[]) => ({
  resource:
    firewalls.length === 0
      ? ({} as Record<string, Record<string, unknown>>)
      : { digitalocean_firewall: Object.fromEntries(firewalls.map((f, i) => [`fw${i}`, f])) },
});
const check = (body: Record<string, unknown>, ...firewalls: Record<string, unknown>[]) =>
  findingsFor(rule, 'digitalocean_droplet', body, withFirewalls(...firewalls));

describe('do-droplet-firewall-required', () => {
  itHonoursItsExamples(rule);

  test('an unknown names a few doubtful firewalls and counts the rest: messages stay short in big stacks', () => {
    const doubtful = Array.from({ length: 40 }, () => firewall({ tags: '${var.tags}' }));
    const found = check(droplet({ tags: ['role:web'] }), ...doubtful);
    expect(kinds(found)).toEqual(['unknown']);
    expect(found[0].message).toMatch(/digitalocean_firewall\.fw0: .*digitalocean_firewall\.fw2: [^;]*; and 37 more\)$/);
    expect(found[0].message.length).toBeLessThan(600);
  });

  test('fires when no firewall is in the stack', () => {
    const found = findingsFor(rule, 'digitalocean_droplet', droplet());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].severity).toBe('error');
  });

  describe('covered by droplet_ids', () => {
    test.each([
      ['a reference', ['${digitalocean_droplet.subject.id}']],
      ['tonumber of a reference', ['${tonumber(digitalocean_droplet.subject.id)}']],
      ['a splat over the whole list', '${digitalocean_droplet.subject[*].id}'],
      ['a reference next to other ids', [12345, '${digitalocean_droplet.other.id}', '${digitalocean_droplet.subject.id}']],
    ])('quiet for %s', (_what, ids) => {
      expect(check(droplet(), firewall({ droplet_ids: ids }))).toEqual([]);
    });

    test('fires when the firewall lists other droplets only', () => {
      expect(kinds(check(droplet(), firewall({ droplet_ids: ['${digitalocean_droplet.other.id}', 4242] })))).toEqual(['violation']);
    });

    test('unknown when droplet_ids is an expression the stack cannot resolve', () => {
      expect(kinds(check(droplet(), firewall({ droplet_ids: '${var.droplet_ids}' })))).toEqual(['unknown']);
      expect(kinds(check(droplet(), firewall({ droplet_ids: ['${var.droplet_id}'] })))).toEqual(['unknown']);
    });

    test('an index covers one instance of a counted droplet only', () => {
      const counted = droplet({ count: 3 });
      expect(kinds(check(counted, firewall({ droplet_ids: ['${digitalocean_droplet.subject[0].id}'] })))).toEqual(['unknown']);
      expect(check(counted, firewall({ droplet_ids: '${digitalocean_droplet.subject[*].id}' }))).toEqual([]);
      expect(check(counted, firewall({ droplet_ids: '${digitalocean_droplet.subject.*.id}' }))).toEqual([]);
    });
  });

  describe('covered by tag', () => {
    test('quiet when the firewall selects one of its tags, fires when it selects others', () => {
      expect(check(droplet({ tags: ['env:prod', 'role:web'] }), firewall({ tags: ['role:web'] }))).toEqual([]);
      expect(kinds(check(droplet({ tags: ['role:web'] }), firewall({ tags: ['role:db'] })))).toEqual(['violation']);
      expect(kinds(check(droplet(), firewall({ tags: ['role:web'] })))).toEqual(['violation']);
    });

    test("a firewall's own tags select droplets; an untagged droplet is not covered by a tagged firewall", () => {
      expect(kinds(check(droplet({ tags: [] }), firewall({ tags: ['role:web'] })))).toEqual(['violation']);
    });

    test('tags that are digitalocean_tag references are resolved through the stack', () => {
      const extra = (name: unknown) => ({
        resource: { digitalocean_tag: { web: { name } }, digitalocean_firewall: { fw: firewall({ tags: ['role:web'] }) } },
      });
      const tagged = droplet({ tags: ['${digitalocean_tag.web.id}'] });
      expect(findingsFor(rule, 'digitalocean_droplet', tagged, extra('role:web'))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', tagged, extra('role:db')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', tagged, extra('${var.tag}')))).toEqual(['unknown']);
      // Both sides naming the same digitalocean_tag match even when its name is an expression.
      const same = {
        resource: { digitalocean_tag: { web: { name: '${var.tag}' } }, digitalocean_firewall: { fw: firewall({ tags: ['${digitalocean_tag.web.name}'] }) } },
      };
      expect(findingsFor(rule, 'digitalocean_droplet', tagged, same)).toEqual([]);
    });

    test('droplet with unknown tags: unknown unless covered by a known tag or id', () => {
      expect(kinds(check(droplet({ tags: '${var.tags}' }), firewall({ tags: ['role:web'] })))).toEqual(['unknown']);
      expect(kinds(check(droplet({ tags: ['env:prod', '${var.role}'] }), firewall({ tags: ['role:web'] })))).toEqual(['unknown']);
      expect(check(droplet({ tags: ['role:web', '${var.role}'] }), firewall({ tags: ['role:web'] }))).toEqual([]);
      expect(check(droplet({ tags: '${var.tags}' }), firewall({ droplet_ids: ['${digitalocean_droplet.subject.id}'] }))).toEqual([]);
      // No firewall selects by tag at all, so unknown tags cannot help.
      expect(kinds(check(droplet({ tags: '${var.tags}' }), firewall({ droplet_ids: [1] })))).toEqual(['violation']);
    });

    test("unknown when the firewall's tags are an expression", () => {
      expect(kinds(check(droplet({ tags: ['role:web'] }), firewall({ tags: '${var.tags}' })))).toEqual(['unknown']);
    });
  });

  test('a firewall that may not exist does not count', () => {
    const byId = { droplet_ids: ['${digitalocean_droplet.subject.id}'] };
    expect(kinds(check(droplet(), firewall({ ...byId, count: 0 })))).toEqual(['violation']);
    expect(kinds(check(droplet(), firewall({ ...byId, count: '${var.enabled ? 1 : 0}' })))).toEqual(['unknown']);
    expect(check(droplet(), firewall({ ...byId, count: 1 }))).toEqual([]);
    expect(check(droplet(), firewall({ count: 0, ...byId }), firewall(byId))).toEqual([]);
  });

  test('a firewall with dynamic inbound rules still covers the droplet', () => {
    const dyn = {
      tags: ['role:web'],
      dynamic: { inbound_rule: { for_each: '${var.rules}', content: { protocol: 'tcp', port_range: '${inbound_rule.value}' } } },
    };
    expect(check(droplet({ tags: ['role:web'] }), dyn)).toEqual([]);
  });

  describe('digitalocean_droplet_autoscale: its droplets are public too, and found by their template tags', () => {
    const pool = (tags: unknown) => ({ name: 'p', droplet_template: droplet({ tags }) });
    const checkPool = (body: Record<string, unknown>, ...firewalls: Record<string, unknown>[]) =>
      findingsFor(rule, 'digitalocean_droplet_autoscale', body, withFirewalls(...firewalls));
    test('fires without a firewall on one of its tags, quiet with one, unknown for expressions', () => {
      expect(kinds(checkPool(pool(['role:relay'])))).toEqual(['violation']);
      expect(kinds(checkPool(pool(['role:relay']), firewall({ tags: ['role:web'] })))).toEqual(['violation']);
      expect(checkPool(pool(['role:relay']), firewall({ tags: ['role:relay'] }))).toEqual([]);
      expect(kinds(checkPool(pool('${var.tags}'), firewall({ tags: ['role:relay'] })))).toEqual(['unknown']);
      expect(kinds(checkPool({ name: 'p', droplet_template: '${local.t}' }, firewall({ tags: ['role:relay'] })))).toEqual(['unknown']);
    });
    test('a firewall cannot name its droplets by id', () => {
      expect(kinds(checkPool(pool(['role:relay']), firewall({ droplet_ids: ['${digitalocean_droplet_autoscale.subject.id}'] })))).toEqual(['violation']);
    });
  });
});
