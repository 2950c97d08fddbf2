/** Droplets run the DigitalOcean metrics agent, so resource alerts and usage graphs exist when needed. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doDropletMonitoring = defineRule({
  id: 'do-droplet-monitoring',
  title: 'Droplets have DigitalOcean monitoring enabled',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['digitalocean_droplet'],
  rationale:
    'Without the metrics agent a droplet has no memory, disk or load graphs and no monitor alerts can fire ' +
    'for it: a cryptominer pinning the CPU, a full disk stopping logging, or a flood of traffic goes unseen. ' +
    'The agent can only be installed at creation time from Terraform (`monitoring` forces a new droplet).',
  fix: 'Set `monitoring = true` on the droplet.',
  references: { docs: ['https://docs.digitalocean.com/products/monitoring/how-to/install-agent/'] },
  examples: {
    failing: { resourceType: 'digitalocean_droplet', body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb' } },
    passing: { resourceType: 'digitalocean_droplet', body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', monitoring: true } },
  },
  check: (droplet) => requireBool(droplet.body, 'monitoring', 'the metrics agent', { defaultValue: false }),
});
