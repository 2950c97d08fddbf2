/** Every droplet states whether it is backed up: on for droplets with state, off (by decision) for the rest. */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import { boolAttr } from '../../engine/values';

export const doDropletBackups = defineRule({
  id: 'do-droplet-backups',
  title: 'Droplets state whether they are backed up',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['digitalocean_droplet'],
  rationale:
    'Without backups, a droplet whose disk is wiped by an intruder, encrypted by ransomware or broken by a bad ' +
    'change can only be rebuilt from scratch, and whatever state it held is gone; an unset `backups` means none ' +
    'without anyone having decided so. But a backup is also a copy of everything on the disk, secrets included: ' +
    "a stateless droplet (a relay rebuilt from its configuration) is safer without one, since its image would hold the node's credentials. " +
    'So the rule asks for the decision, `backups = true` or `backups = false`, not for backups everywhere. ' +
    'Strict: a hygiene rule, and backups are billed.',
  fix:
    'Set `backups = true` on droplets that hold state (optionally with `backup_policy { plan, weekday, hour }`), ' +
    'or `backups = false` on stateless ones that are rebuilt from configuration.',
  references: {
    docs: [
      'https://docs.digitalocean.com/products/backups/',
      'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/droplet',
    ],
  },
  examples: {
    failing: { resourceType: 'digitalocean_droplet', body: { name: 'db', image: 'ubuntu-24-04-x64', region: 'ams3', size: 's-1vcpu-1gb' } },
    passing: { resourceType: 'digitalocean_droplet', body: { name: 'db', image: 'ubuntu-24-04-x64', region: 'ams3', size: 's-1vcpu-1gb', backups: true } },
  },
  check(droplet) {
    const backups = boolAttr(droplet.body, 'backups');
    if (backups.state === 'absent')
      return violation('backups is not set, so the droplet has none without that being decided (it defaults to false)', 'backups');
    if (backups.state === 'unknown') return unknownValue('backups', backups);
    return pass(backups.value ? 'backups are on' : 'backups are off by an explicit decision', 'backups');
  },
});
