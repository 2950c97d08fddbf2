import { doDatabasePrivateNetwork as rule } from '../../../rules/digitalocean/do-database-private-network';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const cluster = (extra: Record<string, unknown> = {}) => ({ name: 'pg', engine: 'pg', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1, ...extra });
const check = (body: Record<string, unknown>, extra = {}) => findingsFor(rule, 'digitalocean_database_cluster', body, extra);

describe('do-database-private-network', () => {
  itHonoursItsExamples(rule);

  test('fires when private_network_uuid is unset or empty', () => {
    const found = check(cluster());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'private_network_uuid' });
    expect(kinds(check(cluster({ private_network_uuid: '' })))).toEqual(['violation']);
  });

  test('quiet for a literal id or a reference to a VPC in the stack', () => {
    expect(check(cluster({ private_network_uuid: 'c140286f-e6ce-4131-8b7b-df4590ce8d6a' }))).toEqual([]);
    const vpc = { resource: { digitalocean_vpc: { app: { name: 'app', region: 'ams3' } } } };
    expect(check(cluster({ private_network_uuid: '${digitalocean_vpc.app.id}' }), vpc)).toEqual([]);
  });

  test('unknown for a variable, or a reference to something not in the stack', () => {
    expect(kinds(check(cluster({ private_network_uuid: '${var.vpc_id}' })))).toEqual(['unknown']);
    expect(kinds(check(cluster({ private_network_uuid: '${digitalocean_vpc.elsewhere.id}' })))).toEqual(['unknown']);
  });
});
