import { doFirewallNoAllPortsFromInternet as rule } from '../../../rules/digitalocean/do-firewall-no-all-ports-from-internet';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const fw = (...inbound: Record<string, unknown>[]) => ({ name: 'fw', inbound_rule: inbound });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_firewall', body);

describe('do-firewall-no-all-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  test.each([['1-65535'], ['all'], ['ALL'], ['0'], ['0-65535'], ['']])('fires on port_range "%s" open to the internet', (range) => {
    const found = check(fw({ protocol: 'tcp', port_range: range, source_addresses: ['0.0.0.0/0'] }));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].message).toContain('every port');
  });

  test('fires on a tcp/udp rule with no port_range, and on ::/0 alone', () => {
    expect(kinds(check(fw({ protocol: 'udp', source_addresses: ['::/0'] })))).toEqual(['violation']);
  });

  test('quiet for a single port, a partial range, private sources and ICMP', () => {
    expect(check(fw({ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0', '::/0'] }))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '1024-65535', source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '1-65535', source_addresses: ['10.0.0.0/8'] }))).toEqual([]);
    expect(check(fw({ protocol: 'icmp', source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
  });

  test('unknown for expressions', () => {
    expect(kinds(check(fw({ protocol: 'tcp', port_range: '${var.range}', source_addresses: ['0.0.0.0/0'] })))).toEqual(['unknown']);
    expect(kinds(check(fw({ protocol: 'tcp', port_range: '1-65535', source_addresses: '${var.sources}' })))).toEqual(['unknown']);
  });

  test('dynamic inbound_rule blocks', () => {
    const dyn = (content: Record<string, unknown>) => ({ name: 'fw', dynamic: { inbound_rule: [{ for_each: '${var.r}', content }] } });
    expect(kinds(check(dyn({ protocol: 'tcp', port_range: 'all', source_addresses: ['0.0.0.0/0'] })))).toEqual(['violation']);
    expect(kinds(check(dyn({ protocol: '${inbound_rule.value.protocol}', port_range: '1-65535', source_addresses: ['0.0.0.0/0'] })))).toEqual(['unknown']);
  });
});
