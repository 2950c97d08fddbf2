/** Droplets have DigitalOcean backups, so a destroyed or encrypted disk can be restored. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doDropletBackups = defineRule({
  id: 'do-droplet-backups',
  title: 'Droplets have backups enabled',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['digitalocean_droplet'],
  rationale:
    'Without backups, a droplet whose disk is wiped by an intruder, encrypted by ransomware or broken by a bad ' +
    'change can only be rebuilt from scratch, and whatever state it held is gone. `backups = true` keeps ' +
    'daily (the default) or weekly images, as `backup_policy` says. Strict: stateless droplets rebuilt from an image or ' +
    'configuration management do not need them, and backups are billed.',
  fix: 'Set `backups = true` (optionally with `backup_policy { plan, weekday, hour }` to choose when they run).',
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
  check: (droplet) => requireBool(droplet.body, 'backups', 'droplet backups', { defaultValue: false }),
});
