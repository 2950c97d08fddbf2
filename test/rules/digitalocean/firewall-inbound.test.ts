/** The DigitalOcean reader of the ingress model: what an inbound_rule opens, and from where. */
import type { ResourceRecord } from '../../../engine/types';
import { inboundRules } from '../../../rules/digitalocean/firewall-inbound';

const firewall = (...inbound: unknown[]): ResourceRecord => ({
  type: 'digitalocean_firewall',
  name: 'fw',
  address: 'digitalocean_firewall.fw',
  mode: 'managed',
  body: { name: 'fw', inbound_rule: inbound },
  constructPath: 's',
  ownedByConstruct: false,
});
const entry = (rule: Record<string, unknown>) => inboundRules(firewall(rule)).entries[0];

describe('firewall-inbound', () => {
  test('source_addresses as a whole expression is unknown, naming the attribute and the expression', () => {
    expect(entry({ protocol: 'tcp', port_range: '22', source_addresses: '${var.cidrs}' }).from).toEqual({
      state: 'unknown',
      expression: 'inbound_rule[0].source_addresses is ${var.cidrs}',
      attribute: 'inbound_rule[0].source_addresses',
    });
    // One element that is an expression: the list "contains" it.
    expect(entry({ protocol: 'tcp', port_range: '22', source_addresses: ['10.0.0.0/8', '${var.cidr}'] }).from).toMatchObject({
      state: 'unknown',
      expression: 'inbound_rule[0].source_addresses contains ${var.cidr}',
    });
  });

  test('the protocol is read as the API reads it: case and surrounding spaces do not matter', () => {
    expect(entry({ protocol: ' TCP ', port_range: '22' }).opens).toEqual({ state: 'known', value: { protocol: 'tcp', ports: { from: 22, to: 22 } } });
    expect(entry({ protocol: 'ICMP' }).opens).toEqual({ state: 'known', value: { protocol: 'icmp', ports: 'none' } });
  });
});
