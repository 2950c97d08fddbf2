/** Managed database clusters take their patches at a time that was chosen, not one DigitalOcean picked. */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import { stringAttr } from '../../engine/values';
import { forEachBlock } from '../common/shapes';

export const doDatabaseMaintenanceWindow = defineRule({
  id: 'do-database-maintenance-window',
  title: 'Managed database clusters set a maintenance window',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['digitalocean_database_cluster'],
  rationale:
    "DigitalOcean applies engine patches and security updates to managed databases in the cluster's " +
    'maintenance window, which can fail over or restart nodes. Without a `maintenance_window` block a window ' +
    'is chosen for you, possibly at peak hours, and teams that are surprised by it start deferring updates. ' +
    '(Daily backups are always on for managed databases; there is nothing to enable.) Strict: it is ' +
    'operational hygiene, and a clustered database rides out a failover at any hour.',
  fix: 'Add `maintenance_window { day = "sunday" hour = "03:00" }` at a quiet time for the workload.',
  references: { docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/database_cluster'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_database_cluster',
      body: { name: 'pg', engine: 'pg', version: '16', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1 },
    },
    passing: {
      resourceType: 'digitalocean_database_cluster',
      body: {
        name: 'pg',
        engine: 'pg',
        version: '16',
        size: 'db-s-1vcpu-1gb',
        region: 'ams3',
        node_count: 1,
        maintenance_window: { day: 'sunday', hour: '03:00' },
      },
    },
  },
  check: (cluster) =>
    forEachBlock(
      cluster.body,
      'maintenance_window',
      (block) => {
        const day = stringAttr(block.body, 'day');
        const hour = stringAttr(block.body, 'hour');
        if (day.state === 'unknown') return unknownValue(`${block.path}.day`, day);
        if (hour.state === 'unknown') return unknownValue(`${block.path}.hour`, hour);
        if (day.state === 'absent' || hour.state === 'absent') return violation(`${block.path} needs both day and hour`, block.path);
        return pass(`maintenance on ${day.value} at ${hour.value} UTC`, block.path);
      },
      violation('no maintenance_window block: DigitalOcean picks the maintenance time', 'maintenance_window'),
    ),
});
