import { doFirewallNoMonitoringPortsFromInternet as rule } from '../../../rules/digitalocean/do-firewall-no-monitoring-ports-from-internet';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const fw = (...inbound: Record<string, unknown>[]) => ({ name: 'fw', inbound_rule: inbound });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_firewall', body);
const open = (range: string, sources: unknown = ['0.0.0.0/0']) => ({ protocol: 'tcp', port_range: range, source_addresses: sources });

describe('do-firewall-no-monitoring-ports-from-internet', () => {
  itHonoursItsExamples(rule);

  test.each([['9100'], ['9090'], ['9093'], ['3000'], ['9000-9200']])('fires on %s open to the internet', (range) => {
    expect(kinds(check(fw(open(range))))).toEqual(['violation']);
  });

  test('a range names every monitoring port it includes', () => {
    expect(check(fw(open('9000-9200')))[0].message).toContain('monitoring ports 9100 (node exporter), 9090 (Prometheus), 9093 (Alertmanager) ');
  });

  test('::/0 alone; "all" ports are left to do-firewall-no-all-ports-from-internet', () => {
    expect(kinds(check(fw(open('9100', ['::/0']))))).toEqual(['violation']);
    expect(check(fw(open('all', ['::'])))).toEqual([]);
  });

  test('quiet for other ports, tailnet sources and ICMP', () => {
    expect(check(fw(open('443'), open('9101-9999')))).toEqual([]);
    expect(check(fw(open('9100', ['100.64.0.0/10'])))).toEqual([]);
    expect(check(fw({ protocol: 'icmp', source_addresses: ['::/0'] }))).toEqual([]);
  });

  test('unknown for expressions', () => {
    expect(kinds(check(fw(open('9100', ['${var.scraper}']))))).toEqual(['unknown']);
    expect(kinds(check(fw(open('${var.port}'))))).toEqual(['unknown']);
  });

  test('dynamic inbound_rule blocks', () => {
    const body = {
      name: 'fw',
      dynamic: { inbound_rule: { for_each: '${var.exporters}', content: { protocol: 'tcp', port_range: '9100', source_addresses: '${inbound_rule.value}' } } },
    };
    expect(kinds(check(body))).toEqual(['unknown']);
  });
});
