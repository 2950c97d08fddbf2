/** Droplets are created with SSH keys, so DigitalOcean never mails out a root password. */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import type { CheckResult, JsonObject } from '../../engine/types';
import { listAttr } from '../../engine/values';
import { forEachBlock } from '../common/shapes';

export const doDropletSshKeys = defineRule({
  id: 'do-droplet-ssh-keys',
  title: 'Droplets are created with SSH keys, not a root password',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['digitalocean_droplet', 'digitalocean_droplet_autoscale'],
  rationale:
    'A droplet created without `ssh_keys` gets a root password that DigitalOcean emails to the account ' +
    'owner, and password login over SSH is enabled on the public address until someone turns it off. The ' +
    'password sits in a mailbox, and the host is open to password guessing from its first minute. An ' +
    "autoscale pool's droplets take their keys from its droplet_template.",
  fix: 'Set `ssh_keys` to at least one digitalocean_ssh_key id or fingerprint (`digitalocean_ssh_key.<name>.fingerprint`).',
  references: {
    checkov: ['CKV_DIO_2'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_DIO_2',
        kind: 'stricter',
        why: 'an empty ssh_keys list fails and digitalocean_droplet_autoscale templates are covered; checkov only checks that ssh_keys is set on digitalocean_droplet',
      },
    ],
    docs: ['https://docs.digitalocean.com/products/droplets/how-to/add-ssh-keys/'],
  },
  examples: {
    failing: { resourceType: 'digitalocean_droplet', body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb' } },
    passing: {
      resourceType: 'digitalocean_droplet',
      body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', ssh_keys: ['${digitalocean_ssh_key.ops.fingerprint}'] },
    },
  },
  check(droplet) {
    if (droplet.type === 'digitalocean_droplet') return sshKeys(droplet.body, 'ssh_keys');
    return forEachBlock(
      droplet.body,
      'droplet_template',
      (template) => sshKeys(template.body, `${template.path}.ssh_keys`),
      violation('no droplet_template: its droplets have no SSH keys', 'droplet_template'),
    );
  },
});

function sshKeys(body: JsonObject, path: string): CheckResult {
  const keys = listAttr(body, 'ssh_keys');
  if (keys.state === 'unknown') return unknownValue(path, keys);
  // Each element is one key (its value may be known only after apply): the list's length is what matters.
  if (keys.state === 'known' && keys.value.length > 0) return pass(`${keys.value.length} SSH key(s) set`, path);
  return violation(`${path} is ${keys.state === 'absent' ? 'unset' : 'empty'}: DigitalOcean emails a root password instead`, path);
}
