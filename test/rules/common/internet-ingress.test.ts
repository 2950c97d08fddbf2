/**
 * The ingress model both clouds' "no … ports from the internet" rules share: what "every port" and "from the
 * internet" mean is pinned here once, for AWS security groups and DigitalOcean firewalls alike.
 */
import {
  coversEveryPort,
  describeOpening,
  entryResult,
  internetSourcesOf,
  selectedPorts,
  type IngressEntry,
  type Opening,
} from '../../../rules/common/internet-ingress';
import { ADMIN_PORTS } from '../../../rules/common/ports';
import { ingressEntries } from '../../../rules/aws/network/security-group-ingress';
import { inboundRules } from '../../../rules/digitalocean/firewall-inbound';
import { noAllPortsFromInternet } from '../../../rules/aws/network/no-all-ports-from-internet';
import { noAdminPortsFromInternet } from '../../../rules/aws/network/no-admin-ports-from-internet';
import { doFirewallNoAllPortsFromInternet } from '../../../rules/digitalocean/do-firewall-no-all-ports-from-internet';
import { doFirewallNoAdminPortsFromInternet } from '../../../rules/digitalocean/do-firewall-no-admin-ports-from-internet';
import { noDataStorePortsFromInternet } from '../../../rules/aws/network/no-data-store-ports-from-internet';
import { noMonitoringPortsFromInternet } from '../../../rules/aws/network/no-monitoring-ports-from-internet';
import { doFirewallNoDataStorePortsFromInternet } from '../../../rules/digitalocean/do-firewall-no-data-store-ports-from-internet';
import { doFirewallNoMonitoringPortsFromInternet } from '../../../rules/digitalocean/do-firewall-no-monitoring-ports-from-internet';
import { awsIngress } from '../../../rules/aws/network/security-group-ingress';
import { noPortsFromInternetRule } from '../../../rules/common/internet-ingress';
import type { ResourceRecord } from '../../../engine/types';
import { known, maybe } from '../../../engine/values';
import { findingsFor, kinds } from '../../helpers/rule-harness';

const resource = (type: string, body: Record<string, unknown>): ResourceRecord => ({
  type,
  name: 'r',
  address: `${type}.r`,
  mode: 'managed',
  body,
  constructPath: 's',
  ownedByConstruct: false,
});
const awsOpening = (ingress: Record<string, unknown>) => ingressEntries(resource('aws_security_group', { ingress: [ingress] })).entries[0].opens;
const doOpening = (rule: Record<string, unknown>) => inboundRules(resource('digitalocean_firewall', { inbound_rule: [rule] })).entries[0].opens;
const every = { label: 'all', ports: 'every' as const };
const admin = { label: 'remote administration', ports: ADMIN_PORTS };

describe('every port', () => {
  test('is a range covering 1-65535 (0-65535 too), never less', () => {
    expect(coversEveryPort({ from: 1, to: 65535 })).toBe(true);
    expect(coversEveryPort({ from: 0, to: 65535 })).toBe(true);
    expect(coversEveryPort({ from: 2, to: 65535 })).toBe(false);
    expect(coversEveryPort({ from: 1, to: 65534 })).toBe(false);
    expect(coversEveryPort({ from: 0, to: 0 })).toBe(false);
  });

  test('every protocol (AWS -1 / all) opens every port; ICMP and other port-less protocols open none', () => {
    expect(selectedPorts({ protocol: 'all protocols', ports: 'all' }, every)).toBe('every port');
    expect(selectedPorts({ protocol: 'all protocols', ports: 'all' }, admin)).toBe(
      'remote administration ports 22 (SSH), 3389 (RDP), 5985 (WinRM), 5986 (WinRM over HTTPS)',
    );
    expect(selectedPorts({ protocol: 'icmp', ports: 'none' }, every)).toBeUndefined();
    expect(selectedPorts({ protocol: 'icmp', ports: 'none' }, admin)).toBeUndefined();
  });

  const tcp = (from: number, to: number): Opening => ({ protocol: 'tcp', ports: { from, to } });
  test.each([
    [1, 65535, 'every port'],
    [0, 65535, 'every port'],
    [2, 65535, undefined],
    [1, 65534, undefined],
  ])('tcp %i-%i: %s', (from, to, expected) => expect(selectedPorts(tcp(from, to), every)).toBe(expected));

  test('a named port counts when the range includes it, at either end', () => {
    expect(selectedPorts(tcp(22, 22), admin)).toBe('remote administration port 22 (SSH)');
    expect(selectedPorts(tcp(10, 22), admin)).toBe('remote administration port 22 (SSH)');
    expect(selectedPorts(tcp(22, 30), admin)).toBe('remote administration port 22 (SSH)');
    expect(selectedPorts(tcp(23, 3388), admin)).toBeUndefined();
    expect(selectedPorts(tcp(5986, 5986), admin)).toBe('remote administration port 5986 (WinRM over HTTPS)');
    expect(selectedPorts(tcp(20, 3389), { label: 'x', ports: [22, 3389, 8080] })).toBe('x ports 22 (SSH), 3389 (RDP)');
    expect(selectedPorts(tcp(8080, 8080), { label: 'x', ports: [8080] })).toBe('x port 8080');
  });

  test('describeOpening', () => {
    expect(describeOpening(tcp(22, 22))).toBe('tcp 22');
    expect(describeOpening(tcp(20, 30))).toBe('tcp 20-30');
    expect(describeOpening({ protocol: 'all protocols', ports: 'all' })).toBe('all traffic (all protocols)');
    expect(describeOpening({ protocol: 'icmp', ports: 'none' })).toBe('icmp');
  });
});

describe('AWS: protocol and ports as written', () => {
  test.each([['-1'], ['all'], ['ALL'], [' -1 ']])('protocol %j is every protocol and port', (protocol) => {
    expect(awsOpening({ protocol, from_port: 0, to_port: 0 })).toEqual(known({ protocol: 'all protocols', ports: 'all' }));
  });

  test('tcp / 6 and udp / 17 have ports; icmp, icmpv6 and other protocol numbers have none', () => {
    expect(awsOpening({ protocol: '6', from_port: 22, to_port: 22 })).toEqual(known({ protocol: 'tcp', ports: { from: 22, to: 22 } }));
    expect(awsOpening({ protocol: '17', from_port: 53, to_port: 53 })).toEqual(known({ protocol: 'udp', ports: { from: 53, to: 53 } }));
    expect(awsOpening({ protocol: 'UDP', from_port: '53', to_port: '54' })).toEqual(known({ protocol: 'udp', ports: { from: 53, to: 54 } }));
    for (const protocol of ['icmp', 'icmpv6', '1', '58', '47'])
      expect(awsOpening({ protocol, from_port: -1, to_port: -1 })).toEqual(known({ protocol, ports: 'none' }));
  });

  test('a negative TCP port is the widest bound: -1/-1 is every port, -1 on one side only widens that side', () => {
    const range = (from: number, to: number) => (awsOpening({ protocol: 'tcp', from_port: from, to_port: to }) as { value: Opening }).value.ports;
    expect(range(-1, -1)).toEqual({ from: 0, to: 65535 });
    expect(range(-1, 80)).toEqual({ from: 0, to: 80 });
    expect(range(22, -1)).toEqual({ from: 22, to: 65535 });
    expect(range(0, 0)).toEqual({ from: 0, to: 0 });
    // A reversed range (which AWS rejects) is read as the range between the two.
    expect(range(80, 22)).toEqual({ from: 22, to: 80 });
  });

  test('TCP from_port -1 from the internet is "every port" only where the clamp says so', () => {
    const sg = (from: number, to: number) => ({ ingress: [{ protocol: 'tcp', from_port: from, to_port: to, cidr_blocks: ['0.0.0.0/0'] }] });
    expect(kinds(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(-1, -1)))).toEqual(['violation']);
    expect(kinds(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(0, -1)))).toEqual(['violation']);
    expect(kinds(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(1, -1)))).toEqual(['violation']);
    expect(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(-1, 80))).toEqual([]);
    expect(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(2, -1))).toEqual([]);
    expect(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(-1, 65534))).toEqual([]);
    expect(findingsFor(noAllPortsFromInternet, 'aws_security_group', sg(0, 0))).toEqual([]);
    // …and a clamped range still counts for the named ports it includes.
    expect(kinds(findingsFor(noAdminPortsFromInternet, 'aws_security_group', sg(-1, 80)))).toEqual(['violation']);
    expect(findingsFor(noAdminPortsFromInternet, 'aws_security_group', sg(-1, 21))).toEqual([]);
    expect(kinds(findingsFor(noAdminPortsFromInternet, 'aws_security_group', sg(3389, -1)))).toEqual(['violation']);
    expect(findingsFor(noAdminPortsFromInternet, 'aws_security_group', sg(5987, -1))).toEqual([]);
  });

  test('unknown carries the attribute and why', () => {
    expect(awsOpening({ protocol: '${var.p}', from_port: 22, to_port: 22 })).toEqual(maybe('ingress[0].protocol is ${var.p}', 'ingress[0].protocol'));
    expect(awsOpening({ from_port: 22, to_port: 22 })).toEqual(maybe('ingress[0].protocol is unset', 'ingress[0].protocol'));
    expect(awsOpening({ protocol: 'tcp', from_port: '${var.a}', to_port: 22 })).toEqual(maybe('ingress[0].from_port is ${var.a}', 'ingress[0].from_port'));
    expect(awsOpening({ protocol: 'tcp', from_port: 22, to_port: '${var.b}' })).toEqual(maybe('ingress[0].to_port is ${var.b}', 'ingress[0].to_port'));
    expect(awsOpening({ protocol: 'tcp', from_port: 22 })).toEqual(maybe('ingress[0].to_port is unset', 'ingress[0].to_port'));
    expect(awsOpening({ protocol: 'tcp', to_port: 22 })).toEqual(maybe('ingress[0].from_port is unset', 'ingress[0].from_port'));
  });

  test('sources: CIDR lists and single CIDRs; AWS-internal sources are not the internet', () => {
    const from = (type: string, body: Record<string, unknown>) => ingressEntries(resource(type, body)).entries[0].from;
    expect(from('aws_security_group_rule', { type: 'ingress', cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] })).toEqual(
      known({ cidrs: ['0.0.0.0/0', '::/0'], attribute: 'cidr_blocks' }),
    );
    expect(from('aws_security_group_rule', { type: 'ingress', ipv6_cidr_blocks: '${var.v6}' })).toEqual(
      maybe('ipv6_cidr_blocks is ${var.v6}', 'ipv6_cidr_blocks'),
    );
    expect(from('aws_security_group_rule', { source_security_group_id: 'sg-1', prefix_list_ids: ['pl-1'], self: true })).toEqual(known(null));
    expect(from('aws_vpc_security_group_ingress_rule', { cidr_ipv6: '::/0' })).toEqual(known({ cidrs: ['::/0'], attribute: 'cidr_ipv6' }));
    expect(from('aws_vpc_security_group_ingress_rule', { cidr_ipv4: '${var.c}' })).toEqual(maybe('cidr_ipv4 is ${var.c}', 'cidr_ipv4'));
    expect(from('aws_vpc_security_group_ingress_rule', { cidr_ipv4: '10.1.0.0/16', referenced_security_group_id: 'sg-2' })).toEqual(known(null));
    expect(from('aws_vpc_security_group_ingress_rule', { cidr_ipv4: null })).toEqual(known(null));
  });

  test('an aws_security_group_rule without type is read as ingress (fail closed); egress is not applicable', () => {
    const read = (body: Record<string, unknown>) => ingressEntries(resource('aws_security_group_rule', body));
    expect(read({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }).entries).toHaveLength(1);
    expect(read({ type: 'ingress', protocol: '-1' }).entries).toHaveLength(1);
    expect(read({ type: 'egress', protocol: '-1' })).toEqual({ entries: [], results: [{ status: 'not-applicable', message: 'an egress rule' }] });
    expect(read({ type: '${var.t}' }).results.map((r) => r.status)).toEqual(['unknown']);
  });
});

describe('DigitalOcean: port_range as the provider and API read it', () => {
  test.each([['all'], ['ALL'], ['0'], [''], ['1-65535'], [' 1 - 65535 ']])('port_range %j is every port', (range) => {
    const opens = doOpening({ protocol: 'tcp', port_range: range });
    expect(opens.state === 'known' && selectedPorts(opens.value, every)).toBe('every port');
  });

  test('a tcp / udp rule without port_range is every port (fail closed)', () => {
    expect(doOpening({ protocol: 'udp' })).toEqual(known({ protocol: 'udp', ports: { from: 1, to: 65535 } }));
  });

  test.each([['2-65535'], ['1-65534'], ['443'], ['1024-65535']])('port_range %j is not every port', (range) => {
    const opens = doOpening({ protocol: 'tcp', port_range: range });
    expect(opens.state === 'known' && selectedPorts(opens.value, every)).toBeUndefined();
  });

  test('a reversed range is the range between; icmp has no ports; anything else is unknown with why', () => {
    expect(doOpening({ protocol: 'tcp', port_range: '30-20' })).toEqual(known({ protocol: 'tcp', ports: { from: 20, to: 30 } }));
    expect(doOpening({ protocol: 'ICMP' })).toEqual(known({ protocol: 'icmp', ports: 'none' }));
    expect(doOpening({ protocol: 'gre' })).toEqual(maybe('inbound_rule[0].protocol "gre" is not tcp, udp or icmp', 'inbound_rule[0].protocol'));
    expect(doOpening({ port_range: '22' })).toEqual(maybe('inbound_rule[0] has no protocol', 'inbound_rule[0].protocol'));
    expect(doOpening({ protocol: 'tcp', port_range: '22,80' })).toEqual(
      maybe('inbound_rule[0].port_range "22,80" is not a port or a range', 'inbound_rule[0].port_range'),
    );
    expect(doOpening({ protocol: 'tcp', port_range: '${var.r}' })).toEqual(maybe('inbound_rule[0].port_range is ${var.r}', 'inbound_rule[0].port_range'));
  });
});

describe('both clouds give the same verdict for the same opening', () => {
  const aws = (rule: Record<string, unknown>) =>
    kinds(findingsFor(noAllPortsFromInternet, 'aws_vpc_security_group_ingress_rule', { security_group_id: 'sg', ...rule }));
  const dig = (rule: Record<string, unknown>) =>
    kinds(findingsFor(doFirewallNoAllPortsFromInternet, 'digitalocean_firewall', { name: 'f', inbound_rule: [rule] }));
  test.each([
    [
      '1-65535 from 0.0.0.0/0',
      { ip_protocol: 'tcp', from_port: 1, to_port: 65535, cidr_ipv4: '0.0.0.0/0' },
      { protocol: 'tcp', port_range: '1-65535', source_addresses: ['0.0.0.0/0'] },
      ['violation'],
    ],
    [
      '0-65535 from ::/0',
      { ip_protocol: 'udp', from_port: 0, to_port: 65535, cidr_ipv6: '::/0' },
      { protocol: 'udp', port_range: '0-65535', source_addresses: ['::/0'] },
      ['violation'],
    ],
    [
      '2-65535 from 0.0.0.0/0',
      { ip_protocol: 'tcp', from_port: 2, to_port: 65535, cidr_ipv4: '0.0.0.0/0' },
      { protocol: 'tcp', port_range: '2-65535', source_addresses: ['0.0.0.0/0'] },
      [],
    ],
    [
      '1-65535 from 10.0.0.0/8',
      { ip_protocol: 'tcp', from_port: 1, to_port: 65535, cidr_ipv4: '10.0.0.0/8' },
      { protocol: 'tcp', port_range: '1-65535', source_addresses: ['10.0.0.0/8'] },
      [],
    ],
    [
      '1-65535 from an expression',
      { ip_protocol: 'tcp', from_port: 1, to_port: 65535, cidr_ipv4: '${var.c}' },
      { protocol: 'tcp', port_range: '1-65535', source_addresses: ['${var.c}'] },
      ['unknown'],
    ],
    [
      'an expression port from 0.0.0.0/0',
      { ip_protocol: 'tcp', from_port: '${var.p}', to_port: 65535, cidr_ipv4: '0.0.0.0/0' },
      { protocol: 'tcp', port_range: '${var.p}', source_addresses: ['0.0.0.0/0'] },
      ['unknown'],
    ],
    [
      'icmp from 0.0.0.0/0',
      { ip_protocol: 'icmp', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0' },
      { protocol: 'icmp', source_addresses: ['0.0.0.0/0'] },
      [],
    ],
  ])('%s', (_what, awsRule, doRule, expected) => {
    expect(aws(awsRule)).toEqual(expected);
    expect(dig(doRule)).toEqual(expected);
  });

  test('the same admin-port messages on both clouds', () => {
    const [a] = findingsFor(noAdminPortsFromInternet, 'aws_security_group', {
      ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }],
    });
    const [d] = findingsFor(doFirewallNoAdminPortsFromInternet, 'digitalocean_firewall', {
      name: 'f',
      inbound_rule: [{ protocol: 'tcp', port_range: '22', source_addresses: ['0.0.0.0/0'] }],
    });
    expect(a.message).toBe('ingress[0] allows tcp 22 from 0.0.0.0/0, which opens remote administration port 22 (SSH) to the internet');
    expect(d.message).toBe('inbound_rule[0] allows tcp 22 from 0.0.0.0/0, which opens remote administration port 22 (SSH) to the internet');
    expect([a.attribute, d.attribute]).toEqual(['ingress[0].cidr_blocks', 'inbound_rule[0].source_addresses']);
  });
});

describe('entryResult: firing, quiet and unknown', () => {
  const entry = (opens: IngressEntry['opens'], from: IngressEntry['from'], path = 'ingress[0]'): IngressEntry => ({ path, opens, from });
  const ssh = known<Opening>({ protocol: 'tcp', ports: { from: 22, to: 22 } });
  const web = known<Opening>({ protocol: 'tcp', ports: { from: 443, to: 443 } });
  const world = known({ cidrs: ['0.0.0.0/0'], attribute: 'ingress[0].cidr_blocks' });

  test('fires when both halves are known and bad', () => {
    expect(entryResult(entry(ssh, world), admin)).toEqual({
      status: 'violation',
      message: 'ingress[0] allows tcp 22 from 0.0.0.0/0, which opens remote administration port 22 (SSH) to the internet',
      attribute: 'ingress[0].cidr_blocks',
    });
    expect(entryResult(entry(ssh, world, ''), admin)?.message).toMatch(/^this rule allows tcp 22/);
  });

  test('quiet when either half is known to be harmless, even if the other is unknown', () => {
    expect(entryResult(entry(web, world), admin)).toBeUndefined();
    expect(entryResult(entry(ssh, known(null)), admin)).toBeUndefined();
    expect(entryResult(entry(maybe('ingress[0].to_port is ${var.p}', 'ingress[0].to_port'), known(null)), admin)).toBeUndefined();
    expect(entryResult(entry(web, maybe('ingress[0].cidr_blocks is ${var.c}', 'ingress[0].cidr_blocks')), admin)).toBeUndefined();
  });

  test('unknown otherwise, naming why and where', () => {
    expect(entryResult(entry(ssh, maybe('ingress[0].cidr_blocks is ${var.c}', 'ingress[0].cidr_blocks')), admin)).toEqual({
      status: 'unknown',
      message:
        'ingress[0] may open remote administration ports to the internet: ingress[0].cidr_blocks is ${var.c}, and it opens remote administration port 22 (SSH)',
      attribute: 'ingress[0].cidr_blocks',
    });
    expect(entryResult(entry(maybe('ingress[0].to_port is ${var.p}', 'ingress[0].to_port'), world), every)).toEqual({
      status: 'unknown',
      message: 'ingress[0] may open every port to the internet: it allows 0.0.0.0/0, and ingress[0].to_port is ${var.p}',
      attribute: 'ingress[0].to_port',
    });
    const both = entryResult(entry(maybe('p', 'ingress[0].protocol'), maybe('c', 'ingress[0].cidr_blocks')), every);
    expect(both).toMatchObject({ status: 'unknown', message: 'ingress[0] may open every port to the internet: c, and p', attribute: 'ingress[0].cidr_blocks' });
  });
});

describe('internetSourcesOf', () => {
  test('a literal internet CIDR wins over an expression next to it; all of them are listed', () => {
    expect(
      internetSourcesOf([
        { value: '${var.a}', attribute: 'a' },
        { value: '0.0.0.0/0', attribute: 'b' },
        { value: '::/0', attribute: 'c' },
      ]),
    ).toEqual(known({ cidrs: ['0.0.0.0/0', '::/0'], attribute: 'b' }));
  });
  test('otherwise the first expression or non-string makes it unknown', () => {
    expect(
      internetSourcesOf([
        { value: '10.0.0.0/8', attribute: 'a' },
        { value: '${var.b}', attribute: 'b' },
      ]),
    ).toEqual(maybe('b contains ${var.b}', 'b'));
    expect(internetSourcesOf([{ value: '${var.b}', attribute: 'b', whole: true }])).toEqual(maybe('b is ${var.b}', 'b'));
    expect(internetSourcesOf([{ value: 7, attribute: 'n' }])).toEqual(maybe('n contains 7', 'n'));
  });
  test('known none when every source is a literal that is not the internet, or there is none', () => {
    expect(
      internetSourcesOf([
        { value: '10.0.0.0/8', attribute: 'a' },
        { value: '100.64.0.0/10', attribute: 'a' },
      ]),
    ).toEqual(known(null));
    expect(internetSourcesOf([])).toEqual(known(null));
  });
});

describe('one opening, one finding: every port is reported by the every-port rule alone (corpus: bastion-network)', () => {
  const aws = [noAllPortsFromInternet, noAdminPortsFromInternet, noDataStorePortsFromInternet, noMonitoringPortsFromInternet];
  const dig = [
    doFirewallNoAllPortsFromInternet,
    doFirewallNoAdminPortsFromInternet,
    doFirewallNoDataStorePortsFromInternet,
    doFirewallNoMonitoringPortsFromInternet,
  ];
  const onAws = (ingress: Record<string, unknown>[]) => aws.flatMap((r) => findingsFor(r, 'aws_security_group', { name: 'sg', ingress }));
  const onDo = (inbound_rule: Record<string, unknown>[]) => dig.flatMap((r) => findingsFor(r, 'digitalocean_firewall', { name: 'fw', inbound_rule }));
  const summary = (vs: ReturnType<typeof onAws>) => vs.map((v) => `${v.ruleId} ${v.kind}`);

  test('AWS: ingress { protocol = "-1", cidr_blocks = ["0.0.0.0/0"] } (cdktf: new SecurityGroup(…, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }))', () => {
    expect(summary(onAws([{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual(['no-all-ports-from-internet violation']);
    expect(summary(onAws([{ protocol: 'tcp', from_port: 0, to_port: 65535, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual(['no-all-ports-from-internet violation']);
    // An unknown source: still one finding, an unknown, from the every-port rule.
    expect(summary(onAws([{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['${var.cidr}'] }]))).toEqual(['no-all-ports-from-internet unknown']);
  });

  test('DigitalOcean: inbound_rule { protocol = "tcp", port_range = "1-65535" } from the internet', () => {
    expect(summary(onDo([{ protocol: 'tcp', port_range: '1-65535', source_addresses: ['0.0.0.0/0', '::/0'] }]))).toEqual([
      'do-firewall-no-all-ports-from-internet violation',
    ]);
    expect(summary(onDo([{ protocol: 'udp', port_range: 'all', source_addresses: ['0.0.0.0/0'] }]))).toEqual([
      'do-firewall-no-all-ports-from-internet violation',
    ]);
  });

  test('named-port openings that are not every port are still reported by their own rule only', () => {
    expect(summary(onAws([{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual(['no-admin-ports-from-internet violation']);
    expect(summary(onAws([{ protocol: 'tcp', from_port: 1, to_port: 65534, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual([
      'no-admin-ports-from-internet violation',
      'no-data-store-ports-from-internet violation',
      'no-monitoring-ports-from-internet violation',
    ]);
    // An expression port may or may not be every port: each rule says what it may open.
    expect(summary(onDo([{ protocol: 'tcp', port_range: '${var.r}', source_addresses: ['0.0.0.0/0'] }]))).toHaveLength(4);
  });

  test('the rationale of each rule says which one reports every port', () => {
    for (const r of [...aws.slice(1), ...dig.slice(1)]) expect(r.rationale).toMatch(/reported once, by (do-firewall-)?no-all-ports-from-internet, not here\.$/);
    for (const r of [aws[0], dig[0]]) expect(r.rationale).toMatch(/the one rule that reports an opening of every port/);
  });

  test('a cloud has one every-port rule: the factory refuses another, and a named-port rule under its id', () => {
    const meta = { id: 'x-all', title: 't', severity: 'error' as const, rationale: 'r', fix: 'f' };
    expect(() => noPortsFromInternetRule(awsIngress, every, meta)).toThrow(/every-port rule .* is 'no-all-ports-from-internet'/);
    expect(() => noPortsFromInternetRule(awsIngress, admin, { ...meta, id: 'no-all-ports-from-internet' })).toThrow(/only it selects every port/);
  });
});
