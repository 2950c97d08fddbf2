import { doSpacesForceDestroyDisabled as rule } from '../../../rules/digitalocean/do-spaces-force-destroy-disabled';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) => findingsFor(rule, 'digitalocean_spaces_bucket', { name: 'backups', region: 'ams3', ...extra });

describe('do-spaces-force-destroy-disabled', () => {
  itHonoursItsExamples(rule);

  test('fires on force_destroy = true (also written as a string)', () => {
    const found = check({ force_destroy: true });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'force_destroy' });
    expect(kinds(check({ force_destroy: 'true' }))).toEqual(['violation']);
  });

  test('quiet when unset (the default is false) or false', () => {
    expect(check({})).toEqual([]);
    expect(check({ force_destroy: false })).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ force_destroy: '${var.ephemeral}' }))).toEqual(['unknown']);
  });
});
