import { doSpacesVersioning as rule } from '../../../rules/digitalocean/do-spaces-versioning';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const bucket = (extra: Record<string, unknown> = {}) => ({ name: 'backups', region: 'ams3', ...extra });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_spaces_bucket', body);

describe('do-spaces-versioning', () => {
  itHonoursItsExamples(rule);

  test('fires without a versioning block, with enabled unset or false; it is a strict warning', () => {
    const found = check(bucket());
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'versioning.enabled' });
    expect(kinds(check(bucket({ versioning: {} })))).toEqual(['violation']);
    expect(kinds(check(bucket({ versioning: [{ enabled: false }] })))).toEqual(['violation']);
  });

  test('quiet when enabled, as an object or a list', () => {
    expect(check(bucket({ versioning: { enabled: true } }))).toEqual([]);
    expect(check(bucket({ versioning: [{ enabled: true }] }))).toEqual([]);
  });

  test('unknown for expressions', () => {
    expect(kinds(check(bucket({ versioning: { enabled: '${var.versioning}' } })))).toEqual(['unknown']);
    expect(kinds(check(bucket({ versioning: '${local.versioning}' })))).toEqual(['unknown']);
  });

  test('dynamic versioning blocks: the content is checked, and a for_each that may be empty is unknown', () => {
    const dyn = (forEach: unknown, enabled: unknown) => bucket({ dynamic: { versioning: { for_each: forEach, content: { enabled } } } });
    expect(kinds(check(dyn('${var.versioned ? [1] : []}', true)))).toEqual(['unknown']);
    expect(check(dyn([1], true))).toEqual([]);
    expect(kinds(check(dyn([1], false)))).toEqual(['violation']);
    expect(kinds(check(dyn('${var.v}', '${versioning.value}')))).toEqual(['unknown']);
  });
});
