import { doDropletMonitoring as rule } from '../../../rules/digitalocean/do-droplet-monitoring';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const droplet = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', ...extra });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_droplet', body);

describe('do-droplet-monitoring', () => {
  itHonoursItsExamples(rule);

  test('is a strict-profile warning', () => {
    expect(rule.profile).toBe('strict');
    expect(check(droplet())[0].severity).toBe('warning');
  });

  test('fires when unset (the default is false) or false', () => {
    expect(kinds(check(droplet()))).toEqual(['violation']);
    expect(check(droplet())[0].message).toMatch(/unset, which means false/);
    expect(kinds(check(droplet({ monitoring: false })))).toEqual(['violation']);
  });

  test('quiet when true', () => {
    expect(check(droplet({ monitoring: true }))).toEqual([]);
    expect(check(droplet({ monitoring: 'true' }))).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check(droplet({ monitoring: '${var.monitoring}' })))).toEqual(['unknown']);
  });
});
