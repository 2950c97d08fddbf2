import { doDropletBackups as rule } from '../../../rules/digitalocean/do-droplet-backups';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) =>
  findingsFor(rule, 'digitalocean_droplet', { name: 'db', image: 'ubuntu-24-04-x64', region: 'ams3', size: 's-1vcpu-1gb', ...extra });

describe('do-droplet-backups', () => {
  itHonoursItsExamples(rule);

  test('fires when unset: no backups, and nobody decided so', () => {
    const found = check({});
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'backups' });
  });

  test('quiet when decided either way: true, with or without a backup_policy, or an explicit false (stateless droplets)', () => {
    expect(check({ backups: false })).toEqual([]);
    expect(check({ backups: true })).toEqual([]);
    expect(check({ backups: true, backup_policy: { plan: 'weekly', weekday: 'SUN', hour: 4 } })).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ backups: '${var.backups}' }))).toEqual(['unknown']);
  });
});
