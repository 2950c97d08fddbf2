/** Port lists, protocols, grant `ip` entries and IP ranges, as the policy file writes them. */
import { parseGrantIp, parseIpRange, parsePortList, parseProtocol, parseSinglePort, DEFAULT_PROTOCOLS } from '../../../../lib/tailnet/evaluate';

describe('port lists (kb/1337/policy-syntax#dst)', () => {
  test.each([
    ['*', [{ first: 0, last: 65535 }]],
    ['22', [{ first: 22, last: 22 }]],
    ['80-443', [{ first: 80, last: 443 }]],
    [
      '22,80,8000-8099',
      [
        { first: 22, last: 22 },
        { first: 80, last: 80 },
        { first: 8000, last: 8099 },
      ],
    ],
  ])('%s', (text, ranges) => expect(parsePortList(text)).toEqual(ranges));

  test.each(['', '443-80', '1-2-3', '65536', 'https', '22,', '-1', '*,22'])('%j is refused', (text) => expect(parsePortList(text)).toBeUndefined());

  test('a test destination port is exactly one port from 1 to 65535', () => {
    expect(parseSinglePort('9100')).toBe(9100);
    for (const bad of ['*', '80,443', '80-443', '0', '65536', '-1', 'x']) expect(parseSinglePort(bad)).toBeUndefined();
  });
});

describe('protocols', () => {
  test('names and IANA numbers', () => {
    expect([parseProtocol('tcp'), parseProtocol('UDP'), parseProtocol('6'), parseProtocol('ipv6-icmp'), parseProtocol('132')]).toEqual([6, 17, 6, 58, 132]);
    for (const bad of ['*', '06', '0', '256', 'quic', '']) expect(parseProtocol(bad)).toBeUndefined();
  });

  test('grant ip entries (kb/1538/grants-syntax)', () => {
    expect(parseGrantIp('*')).toEqual({ protocols: DEFAULT_PROTOCOLS, ports: [{ first: 0, last: 65535 }] });
    expect(parseGrantIp('443')).toEqual({ protocols: DEFAULT_PROTOCOLS, ports: [{ first: 443, last: 443 }] });
    expect(parseGrantIp('tcp:443')).toEqual({ protocols: [6], ports: [{ first: 443, last: 443 }] });
    expect(parseGrantIp('udp:3478')).toEqual({ protocols: [17], ports: [{ first: 3478, last: 3478 }] });
    expect(parseGrantIp('icmp:*')).toEqual({ protocols: [1], ports: [{ first: 0, last: 65535 }] });
    for (const bad of ['icmp', 'tcp:', 'quic:443', 'tcp:https']) expect(parseGrantIp(bad)).toBeUndefined();
  });
});

describe('IP ranges', () => {
  test('addresses and prefixes, both families', () => {
    expect(parseIpRange('100.64.0.1')).toEqual({ family: 4, first: 0x64400001n, last: 0x64400001n });
    expect(parseIpRange('10.1.2.3/8')).toEqual({ family: 4, first: 0x0a000000n, last: 0x0affffffn });
    const v6 = parseIpRange('fd7a:115c:a1e0::/48');
    expect(v6?.family).toBe(6);
    expect(v6!.last - v6!.first).toBe((1n << 80n) - 1n);
    expect(parseIpRange('::ffff:192.0.2.1')?.first).toBe(0xffffc0000201n);
    expect(parseIpRange('fd7a:115c:a1e0::10')?.first).toBe(parseIpRange('fd7a:115c:a1e0:0:0:0:0:10')?.first);
  });

  test.each(['256.0.0.1', '10.0.0.0/33', '1.2.3', 'fd7a::1::2', 'fd7a:115c', 'tag:derp', '1:2:3:4:5:6:7:8:9', '::/129'])('%s is not an IP range', (text) => {
    expect(parseIpRange(text)).toBeUndefined();
  });
});
