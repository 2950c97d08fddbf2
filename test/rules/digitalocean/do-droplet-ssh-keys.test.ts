import { doDropletSshKeys as rule } from '../../../rules/digitalocean/do-droplet-ssh-keys';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const droplet = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', ...extra });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_droplet', body);

describe('do-droplet-ssh-keys', () => {
  itHonoursItsExamples(rule);

  test('fires without keys or with an empty list', () => {
    const found = check(droplet());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'ssh_keys' });
    expect(kinds(check(droplet({ ssh_keys: [] })))).toEqual(['violation']);
    expect(kinds(check(droplet({ ssh_keys: null })))).toEqual(['violation']);
  });

  test('quiet with keys, even when each key is known only after apply', () => {
    expect(check(droplet({ ssh_keys: ['${digitalocean_ssh_key.ops.fingerprint}'] }))).toEqual([]);
    expect(check(droplet({ ssh_keys: [12345, 'aa:bb:cc'] }))).toEqual([]);
  });

  test('unknown when the whole list is an expression', () => {
    expect(kinds(check(droplet({ ssh_keys: '${var.ssh_keys}' })))).toEqual(['unknown']);
    expect(kinds(check(droplet({ ssh_keys: '${data.digitalocean_ssh_keys.all.ssh_keys[*].id}' })))).toEqual(['unknown']);
  });

  test('digitalocean_droplet_autoscale: the keys of its droplet_template', () => {
    const pool = (template: unknown) => findingsFor(rule, 'digitalocean_droplet_autoscale', { name: 'p', droplet_template: template });
    const found = pool(droplet());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].attribute).toBe('droplet_template.ssh_keys');
    expect(pool(droplet({ ssh_keys: ['${digitalocean_ssh_key.ops.fingerprint}'] }))).toEqual([]);
    expect(kinds(pool(droplet({ ssh_keys: '${var.keys}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', { name: 'p' }))).toEqual(['violation']);
  });
});
