import { doFirewallNoDataStorePortsFromInternet as rule } from '../../../rules/digitalocean/do-firewall-no-data-store-ports-from-internet';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const fw = (...inbound: Record<string, unknown>[]) => ({ name: 'fw', inbound_rule: inbound });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_firewall', body);
const open = (range: string, sources: unknown = ['0.0.0.0/0']) => ({ protocol: 'tcp', port_range: range, source_addresses: sources });

describe('do-firewall-no-data-store-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  test.each([['5432'], ['3306'], ['6379'], ['27017'], ['25060'], ['6000-7000'], ['2-65535']])('fires on %s open to the internet', (range) => {
    const found = check(fw(open(range)));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].message).toMatch(/data-store ports? \d/);
  });

  test('::/0 alone is the internet too', () => {
    expect(kinds(check(fw(open('9200', ['::/0']))))).toEqual(['violation']);
  });

  test('quiet for web ports, private sources and ICMP', () => {
    expect(check(fw(open('443'), open('80')))).toEqual([]);
    expect(check(fw(open('5432', ['10.10.0.0/16'])))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '5432', source_tags: ['role:app'] }))).toEqual([]);
    expect(check(fw({ protocol: 'icmp', source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
  });

  test('unknown for expressions, including a port_range that is not a range', () => {
    expect(kinds(check(fw(open('5432', '${var.cidrs}'))))).toEqual(['unknown']);
    expect(kinds(check(fw(open('${var.db_port}'))))).toEqual(['unknown']);
    expect(kinds(check(fw(open('postgres'))))).toEqual(['unknown']);
  });

  test('dynamic inbound_rule blocks', () => {
    const body = { name: 'fw', dynamic: { inbound_rule: { for_each: '${var.ports}', content: open('${inbound_rule.value}') } } };
    expect(kinds(check(body))).toEqual(['unknown']);
    expect(kinds(check({ name: 'fw', dynamic: { inbound_rule: { for_each: '${var.x}', content: open('5432') } } }))).toEqual(['violation']);
  });
});
