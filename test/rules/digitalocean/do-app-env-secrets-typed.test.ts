import { doAppEnvSecretsTyped as rule } from '../../../rules/digitalocean/do-app-env-secrets-typed';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const SECRET = 'q8Zr2LmX9vT4pWn7KsD3';
const app = (spec: Record<string, unknown>) => findingsFor(rule, 'digitalocean_app', { spec: [{ name: 'api', region: 'ams', ...spec }] });
const service = (...env: unknown[]) => app({ service: [{ name: 'api', env }] });

describe('do-app-env-secrets-typed', () => {
  itHonoursItsExamples(rule);

  test('fires on a literal secret that is not a SECRET, in a component or app-wide', () => {
    const found = service({ key: 'STRIPE_API_KEY', value: SECRET });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'spec.service[0].env[0].type' });
    expect(found[0].message).not.toContain(SECRET);
    expect(kinds(app({ env: [{ key: 'DB_PASSWORD', value: SECRET, type: 'GENERAL' }] }))).toEqual(['violation']);
    expect(kinds(app({ worker: [{ name: 'w', env: [{ key: 'DO_TOKEN', value: `dop_v1_${'a1'.repeat(32)}` }] }] }))).toEqual(['violation']);
  });

  test('fires on a reference to a secret-bearing attribute that is not a SECRET', () => {
    expect(kinds(service({ key: 'DATABASE_URL', value: '${digitalocean_database_cluster.pg.uri}' }))).toEqual(['violation']);
  });

  test('quiet on SECRET variables, ordinary settings and App Platform bindable variables', () => {
    expect(service({ key: 'STRIPE_API_KEY', value: SECRET, type: 'SECRET' })).toEqual([]);
    expect(service({ key: 'LOG_LEVEL', value: 'info' }, { key: 'REGION', value: '${var.region}' })).toEqual([]);
    expect(service({ key: 'DATABASE_URL', value: '$${db.DATABASE_URL}' })).toEqual([]);
    expect(service({ key: 'DB_HOST', value: '${digitalocean_database_cluster.pg.host}' })).toEqual([]);
    expect(app({})).toEqual([]);
  });

  test('unknown when a secret-sounding variable comes from an expression, or the type is one', () => {
    expect(kinds(service({ key: 'API_TOKEN', value: '${var.api_token}' }))).toEqual(['unknown']);
    expect(kinds(service({ key: 'STRIPE_API_KEY', value: SECRET, type: '${var.type}' }))).toEqual(['unknown']);
    expect(kinds(service({ key: '${var.name}', value: SECRET }))).toEqual(['unknown']);
    expect(kinds(service('${local.env}'))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'digitalocean_app', { spec: '${local.spec}' }))).toEqual(['unknown']);
  });
});
