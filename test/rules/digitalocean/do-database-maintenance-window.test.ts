import { doDatabaseMaintenanceWindow as rule } from '../../../rules/digitalocean/do-database-maintenance-window';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) =>
  findingsFor(rule, 'digitalocean_database_cluster', {
    name: 'pg',
    engine: 'pg',
    version: '16',
    size: 'db-s-1vcpu-1gb',
    region: 'ams3',
    node_count: 1,
    ...extra,
  });

describe('do-database-maintenance-window', () => {
  itHonoursItsExamples(rule);

  test('fires without a maintenance_window block, or with one missing its hour', () => {
    const found = check({});
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'maintenance_window' });
    expect(kinds(check({ maintenance_window: { day: 'sunday' } }))).toEqual(['violation']);
  });

  test('quiet with a day and an hour, as an object or a list', () => {
    expect(check({ maintenance_window: { day: 'sunday', hour: '03:00' } })).toEqual([]);
    expect(check({ maintenance_window: [{ day: 'monday', hour: '23:00' }] })).toEqual([]);
  });

  test('unknown for expressions and for a dynamic block that may produce none', () => {
    expect(kinds(check({ maintenance_window: { day: '${var.day}', hour: '03:00' } }))).toEqual(['unknown']);
    expect(kinds(check({ maintenance_window: '${local.window}' }))).toEqual(['unknown']);
    expect(kinds(check({ dynamic: { maintenance_window: { for_each: '${var.windows}', content: { day: 'sunday', hour: '03:00' } } } }))).toEqual(['unknown']);
  });
});
