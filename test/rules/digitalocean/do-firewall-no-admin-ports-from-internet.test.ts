import { doFirewallNoAdminPortsFromInternet as rule } from '../../../rules/digitalocean/do-firewall-no-admin-ports-from-internet';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const fw = (...inbound: Record<string, unknown>[]) => ({ name: 'fw', inbound_rule: inbound });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_firewall', body);
const rule22 = (sources: unknown, extra: Record<string, unknown> = {}) => ({ protocol: 'tcp', port_range: '22', source_addresses: sources, ...extra });

describe('do-firewall-no-admin-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  test.each([['0.0.0.0/0'], ['::/0'], ['0.0.0.0'], ['::']])('fires on SSH open to %s', (cidr) => {
    const found = check(fw(rule22([cidr])));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].severity).toBe('error');
    expect(found[0].attribute).toBe('inbound_rule[0].source_addresses');
    expect(found[0].message).toContain('port 22');
  });

  test.each([
    ['a range that includes 22', '21-23'],
    ['RDP', '3389'],
    ['WinRM', '5985-5986'],
  ])('fires on %s', (_what, range) => {
    expect(kinds(check(fw({ protocol: 'tcp', port_range: range, source_addresses: ['0.0.0.0/0'] })))).toEqual(['violation']);
  });

  test.each([['1-65535'], ['all'], ['0']])('leaves every port (%s) to do-firewall-no-all-ports-from-internet', (range) => {
    expect(check(fw({ protocol: 'tcp', port_range: range, source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
  });

  test('a tcp rule without port_range opens every port (fail closed, left to the every-port rule), udp counts too', () => {
    expect(check(fw({ protocol: 'tcp', source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
    expect(kinds(check(fw({ protocol: 'udp', port_range: '3389', source_addresses: ['::/0'] })))).toEqual(['violation']);
  });

  test('quiet for other ports, private sources, non-address sources and ICMP', () => {
    expect(check(fw({ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0', '::/0'] }))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '23-1000', source_addresses: ['0.0.0.0/0'] }))).toEqual([]);
    expect(check(fw(rule22(['10.0.0.0/8', '100.64.0.0/10'])))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '22', source_tags: ['role:bastion'], source_load_balancer_uids: ['lb'] }))).toEqual([]);
    expect(check(fw({ protocol: 'icmp', source_addresses: ['0.0.0.0/0', '::/0'] }))).toEqual([]);
    expect(check({ name: 'outbound-only', outbound_rule: [{ protocol: 'tcp', port_range: '22', destination_addresses: ['0.0.0.0/0'] }] })).toEqual([]);
  });

  test('only the offending rule is reported, by its path', () => {
    const found = check(fw({ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0'] }, rule22(['::/0'])));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].attribute).toBe('inbound_rule[1].source_addresses');
    expect(kinds(check({ name: 'fw', inbound_rule: rule22(['0.0.0.0/0']) }))).toEqual(['violation']);
  });

  test('a known internet source wins over an expression next to it', () => {
    expect(kinds(check(fw(rule22(['${var.office}', '0.0.0.0/0']))))).toEqual(['violation']);
  });

  test('unknown when sources, ports or protocol are expressions', () => {
    expect(kinds(check(fw(rule22('${var.cidrs}'))))).toEqual(['unknown']);
    expect(kinds(check(fw(rule22(['${var.office}']))))).toEqual(['unknown']);
    expect(kinds(check(fw({ protocol: 'tcp', port_range: '${var.port}', source_addresses: ['0.0.0.0/0'] })))).toEqual(['unknown']);
    expect(kinds(check(fw({ protocol: '${var.proto}', port_range: '22', source_addresses: ['0.0.0.0/0'] })))).toEqual(['unknown']);
    expect(kinds(check({ name: 'fw', inbound_rule: '${local.rules}' }))).toEqual(['unknown']);
  });

  test('an expression is harmless when the other half is known to be safe', () => {
    expect(check(fw({ protocol: 'tcp', port_range: '443', source_addresses: '${var.cidrs}' }))).toEqual([]);
    expect(check(fw({ protocol: 'tcp', port_range: '${var.port}', source_addresses: ['10.0.0.0/8'] }))).toEqual([]);
  });

  test('dynamic inbound_rule blocks are checked through their content', () => {
    const dynamicRule = (content: Record<string, unknown>) => ({ name: 'fw', dynamic: { inbound_rule: { for_each: '${var.rules}', content } } });
    expect(kinds(check(dynamicRule({ protocol: 'tcp', port_range: '${inbound_rule.value.port}', source_addresses: ['0.0.0.0/0'] })))).toEqual(['unknown']);
    expect(kinds(check(dynamicRule(rule22(['::/0']))))).toEqual(['violation']);
    expect(check(dynamicRule(rule22(['10.0.0.0/8'])))).toEqual([]);
  });
});
