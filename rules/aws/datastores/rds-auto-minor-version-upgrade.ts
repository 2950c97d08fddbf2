/** RDS instances take engine minor versions (security fixes) automatically. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const rdsAutoMinorVersionUpgrade = defineRule({
  id: 'rds-auto-minor-version-upgrade',
  title: 'RDS instances apply minor engine upgrades automatically',
  severity: 'warning',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  rationale:
    'Minor engine versions carry the security fixes of the database engine (authentication bypasses, ' +
    'privilege escalations in PostgreSQL and MySQL). With automatic minor upgrades off, an instance stays on ' +
    'its version until someone notices, and eventually AWS forces the upgrade anyway at a time of its ' +
    'choosing. It is on by default, so this only fires when someone turned it off.',
  fix: 'Leave `auto_minor_version_upgrade` unset or true, and choose a `maintenance_window` that suits the workload.',
  references: {
    checkov: ['CKV_AWS_226'],
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
    ],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro', auto_minor_version_upgrade: false } },
    passing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro' } },
  },
  check(resource) {
    return requireBool(resource.body, 'auto_minor_version_upgrade', 'automatic minor version upgrades', { defaultValue: true });
  },
});
