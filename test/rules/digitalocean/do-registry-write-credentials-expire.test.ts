import { doRegistryWriteCredentialsExpire as rule } from '../../../rules/digitalocean/do-registry-write-credentials-expire';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) => findingsFor(rule, 'digitalocean_container_registry_docker_credentials', { registry_name: 'acme', ...extra });

describe('do-registry-write-credentials-expire', () => {
  itHonoursItsExamples(rule);

  test('fires on write credentials without an expiry (about 50 years) or with one over 30 days', () => {
    const found = check({ write: true });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'expiry_seconds' });
    expect(kinds(check({ write: true, expiry_seconds: 2592001 }))).toEqual(['violation']);
  });

  test('quiet on write credentials that expire within 30 days, and on read-only ones', () => {
    expect(check({ write: true, expiry_seconds: 2592000 })).toEqual([]);
    expect(check({ write: true, expiry_seconds: 3600 })).toEqual([]);
    expect(check({})).toEqual([]);
    expect(check({ write: false })).toEqual([]);
  });

  test('unknown when write or the expiry is an expression', () => {
    expect(kinds(check({ write: '${var.push}' }))).toEqual(['unknown']);
    expect(kinds(check({ write: true, expiry_seconds: '${var.expiry}' }))).toEqual(['unknown']);
  });
});
