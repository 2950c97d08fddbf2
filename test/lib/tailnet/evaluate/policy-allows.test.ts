/**
 * Edge cases of policyAllows: ports, protocols, tags and autogroups, groups, grants, deny by default, and the
 * constructs answered "cannot evaluate" rather than guessed.
 */
import { policyAllows, type EvaluablePolicy } from '../../../../lib/tailnet/evaluate';

const owners = { 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'], 'tag:web': ['group:infra'] };
const base: EvaluablePolicy = { groups: { 'group:infra': ['alice@example.com', 'Bob@Example.com'] }, tagOwners: owners };
const withAcls = (...acls: NonNullable<EvaluablePolicy['acls']>): EvaluablePolicy => ({ ...base, acls });
const withGrants = (...grants: NonNullable<EvaluablePolicy['grants']>): EvaluablePolicy => ({ ...base, grants });
const verdict = (policy: EvaluablePolicy, src: string, dst: string, port: number, proto?: string) => policyAllows(policy, src, dst, port, proto).verdict;

describe('deny by default', () => {
  test('an empty acls list allows nothing', () => {
    expect(policyAllows(withAcls(), 'alice@example.com', 'tag:derp', 443, 'tcp')).toMatchObject({
      verdict: 'denied',
      reason: 'no acl or grant allows alice@example.com → tag:derp',
      allowedBy: [],
    });
  });

  test('a policy with neither acls nor grants is not guessed at', () => {
    expect(policyAllows(base, 'alice@example.com', 'tag:derp', 443, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining('neither acls nor grants'),
    });
  });

  test('rules are directional: monitoring → derp does not let derp reach monitoring', () => {
    const policy = withAcls({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    expect(verdict(policy, 'tag:monitoring', 'tag:derp', 9100, 'tcp')).toBe('allowed');
    expect(verdict(policy, 'tag:derp', 'tag:monitoring', 9100, 'tcp')).toBe('denied');
  });
});

describe('ports', () => {
  const policy = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:web:80-443', 'tag:derp:22,3478', 'tag:monitoring:*'] });
  test.each([
    ['tag:web', 80, 'allowed'],
    ['tag:web', 443, 'allowed'],
    ['tag:web', 200, 'allowed'],
    ['tag:web', 79, 'denied'],
    ['tag:web', 444, 'denied'],
    ['tag:derp', 22, 'allowed'],
    ['tag:derp', 3478, 'allowed'],
    ['tag:derp', 23, 'denied'],
    ['tag:monitoring', 1, 'allowed'],
    ['tag:monitoring', 65535, 'allowed'],
  ] as const)('%s:%d is %s', (dst, port, expected) => {
    expect(verdict(policy, 'alice@example.com', dst, port, 'tcp')).toBe(expected);
  });

  test('an ACL destination with an unreadable port list is unknown, not "no"', () => {
    const broken = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:https'] });
    expect(policyAllows(broken, 'alice@example.com', 'tag:derp', 443, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining("'tag:derp:https' has no readable port list"),
    });
  });
});

describe('protocols', () => {
  const tcpOnly = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:443'], proto: 'tcp' });
  const noProto = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:443'] });
  const udpOnly = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:3478'], proto: 'udp' });

  test('a rule with proto tcp allows tcp only', () => {
    expect(verdict(tcpOnly, 'alice@example.com', 'tag:derp', 443, 'tcp')).toBe('allowed');
    expect(verdict(tcpOnly, 'alice@example.com', 'tag:derp', 443, 'udp')).toBe('denied');
    expect(verdict(tcpOnly, 'alice@example.com', 'tag:derp', 443, '6')).toBe('allowed');
  });

  test('a rule without proto allows tcp and udp, not sctp', () => {
    expect(verdict(noProto, 'alice@example.com', 'tag:derp', 443, 'tcp')).toBe('allowed');
    expect(verdict(noProto, 'alice@example.com', 'tag:derp', 443, 'udp')).toBe('allowed');
    expect(verdict(noProto, 'alice@example.com', 'tag:derp', 443, 'sctp')).toBe('denied');
  });

  test('unspecified proto: decided by tcp when tcp is allowed or everything is denied, not when only udp is allowed', () => {
    expect(verdict(tcpOnly, 'alice@example.com', 'tag:derp', 443)).toBe('allowed');
    expect(verdict(noProto, 'alice@example.com', 'tag:derp', 80)).toBe('denied');
    const onlyUdp = policyAllows(udpOnly, 'alice@example.com', 'tag:derp', 3478);
    expect(onlyUdp).toMatchObject({ verdict: 'cannot-evaluate', reason: expect.stringContaining('acls[0] allow(s) udp but not tcp; give the test a proto') });
    expect(verdict(udpOnly, 'alice@example.com', 'tag:derp', 3478, 'udp')).toBe('allowed');
  });

  test('an unknown protocol name is not a protocol', () => {
    expect(verdict(noProto, 'alice@example.com', 'tag:derp', 443, 'quic')).toBe('cannot-evaluate');
    expect(
      verdict(withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:443'], proto: 'quic' }), 'alice@example.com', 'tag:derp', 443, 'tcp'),
    ).toBe('cannot-evaluate');
  });
});

describe('tags, users, groups and autogroups', () => {
  test('a tag covers devices carrying it; autogroup:tagged covers every tagged device', () => {
    const byTag = withAcls({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    expect(verdict(byTag, 'tag:web', 'tag:derp', 9100, 'tcp')).toBe('denied');
    const anyTagged = withAcls({ action: 'accept', src: ['autogroup:tagged'], dst: ['tag:derp:9100'] });
    expect(verdict(anyTagged, 'tag:web', 'tag:derp', 9100, 'tcp')).toBe('allowed');
    expect(verdict(anyTagged, 'alice@example.com', 'tag:derp', 9100, 'tcp')).toBe('denied');
  });

  test('autogroup:member covers members, never a tagged device', () => {
    const members = withAcls({ action: 'accept', src: ['autogroup:member'], dst: ['tag:derp:9100'] });
    expect(verdict(members, 'alice@example.com', 'tag:derp', 9100, 'tcp')).toBe('allowed');
    expect(verdict(members, 'tag:derp', 'tag:derp', 9100, 'tcp')).toBe('denied');
    expect(verdict(members, 'autogroup:tagged', 'tag:derp', 9100, 'tcp')).toBe('denied');
  });

  test('a user is not its tagged devices: a rule for alice does not cover tag:web even if alice owns the tag', () => {
    const policy = {
      ...withAcls({ action: 'accept', src: ['alice@example.com'], dst: ['tag:derp:22'] }),
      tagOwners: { ...owners, 'tag:web': ['alice@example.com'] },
    };
    expect(verdict(policy, 'alice@example.com', 'tag:derp', 22, 'tcp')).toBe('allowed');
    expect(verdict(policy, 'tag:web', 'tag:derp', 22, 'tcp')).toBe('denied');
  });

  test('a group covers its members (logins compared without case), and a group src must hold for every member', () => {
    const policy = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:22'] });
    expect(verdict(policy, 'bob@example.com', 'tag:derp', 22, 'tcp')).toBe('allowed');
    expect(verdict(policy, 'carol@example.com', 'tag:derp', 22, 'tcp')).toBe('denied');
    expect(verdict(policy, 'group:infra', 'tag:derp', 22, 'tcp')).toBe('allowed');
    const aliceOnly = withAcls({ action: 'accept', src: ['alice@example.com'], dst: ['tag:derp:22'] });
    expect(policyAllows(aliceOnly, 'group:infra', 'tag:derp', 22, 'tcp')).toMatchObject({
      verdict: 'mixed',
      reason: expect.stringContaining('no acl or grant allows bob@example.com → tag:derp'),
    });
  });

  test('autogroup:member as the asker: a rule for one group may or may not cover "some member"', () => {
    const policy = withAcls({ action: 'accept', src: ['group:infra'], dst: ['tag:derp:22'] });
    expect(policyAllows(policy, 'autogroup:member', 'tag:derp', 22, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining("whether an autogroup:member user is in 'group:infra'"),
    });
    // A rule that cannot match on the port does not make it unknown.
    expect(verdict(policy, 'autogroup:member', 'tag:derp', 9100, 'tcp')).toBe('denied');
  });

  test("autogroup:self: decided between users; tagged devices are nobody's; unknown for a bare address", () => {
    const policy = { ...withAcls({ action: 'accept', src: ['autogroup:member'], dst: ['autogroup:self:*'] }), hosts: { laptop: '100.100.1.2' } };
    expect(verdict(policy, 'alice@example.com', 'alice@example.com', 22, 'tcp')).toBe('allowed');
    expect(verdict(policy, 'alice@example.com', 'bob@example.com', 22, 'tcp')).toBe('denied');
    expect(verdict(policy, 'alice@example.com', 'tag:derp', 22, 'tcp')).toBe('denied');
    expect(policyAllows(policy, 'alice@example.com', 'laptop', 22, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining('owned by the same user'),
    });
  });

  test('role autogroups are set in the admin console: unknown for users, no for tagged devices', () => {
    const policy = withAcls({ action: 'accept', src: ['autogroup:admin'], dst: ['tag:derp:22'] });
    expect(policyAllows(policy, 'alice@example.com', 'tag:derp', 22, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining("who is in 'autogroup:admin'"),
    });
    expect(verdict(policy, 'tag:monitoring', 'tag:derp', 22, 'tcp')).toBe('denied');
  });

  test('unknown selectors are unknown, never "no": a typo cannot prove a deny', () => {
    for (const src of ['autogroup:members', 'group:undefined', 'ipset:office', 'no-such-host']) {
      expect(verdict(withAcls({ action: 'accept', src: [src], dst: ['tag:derp:22'] }), 'alice@example.com', 'tag:derp', 22, 'tcp')).toBe('cannot-evaluate');
    }
  });
});

describe('IP addresses and hosts', () => {
  const policy: EvaluablePolicy = {
    ...base,
    hosts: { office: '192.0.2.0/24', printer: '192.0.2.9', relay1: '100.100.10.1' },
    acls: [
      { action: 'accept', src: ['office'], dst: ['relay1:443'] },
      { action: 'accept', src: ['group:infra'], dst: ['100.64.0.0/10:22'] },
    ],
  };

  test('an address inside a host alias is covered; outside is not; partly inside is unknown', () => {
    expect(verdict(policy, 'printer', 'relay1', 443, 'tcp')).toBe('allowed');
    expect(verdict(policy, '198.51.100.1', 'relay1', 443, 'tcp')).toBe('denied');
    expect(verdict(policy, '192.0.2.0/23', 'relay1', 443, 'tcp')).toBe('cannot-evaluate');
  });

  test('an IP selector over tailnet addresses may or may not hold a tagged device: unknown, without a hosts mapping', () => {
    expect(policyAllows(policy, 'alice@example.com', 'tag:derp', 22, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining('which address tag:derp has is not in the policy'),
    });
    // Outside the tailnet ranges it cannot be a device's own address.
    const outside = withAcls({ action: 'accept', src: ['group:infra'], dst: ['10.0.0.0/8:22'] });
    expect(verdict(outside, 'alice@example.com', 'tag:derp', 22, 'tcp')).toBe('denied');
  });

  test("a device known only by address may be anyone's", () => {
    expect(verdict(policy, 'relay1', 'tag:derp', 22, 'tcp')).toBe('cannot-evaluate');
  });

  test('autogroup:internet: no tailnet device is on it; a public address depends on exit-node routing', () => {
    const internet = withAcls({ action: 'accept', src: ['group:infra'], dst: ['autogroup:internet:*'] });
    expect(verdict(internet, 'alice@example.com', 'tag:derp', 443, 'tcp')).toBe('denied');
    expect(verdict(internet, 'alice@example.com', '10.1.2.3', 443, 'tcp')).toBe('denied');
    expect(verdict(internet, 'alice@example.com', '203.0.113.5', 443, 'tcp')).toBe('cannot-evaluate');
  });
});

describe('grants', () => {
  test("ip '*' opens every port; 'tcp:443' only tcp 443; '443' tcp and udp 443", () => {
    const star = withGrants({ src: ['group:infra'], dst: ['tag:derp'], ip: ['*'] });
    expect(verdict(star, 'alice@example.com', 'tag:derp', 9100, 'tcp')).toBe('allowed');
    expect(verdict(star, 'alice@example.com', 'tag:derp', 3478, 'udp')).toBe('allowed');
    const https = withGrants({ src: ['group:infra'], dst: ['tag:derp'], ip: ['tcp:443'] });
    expect(verdict(https, 'alice@example.com', 'tag:derp', 443, 'tcp')).toBe('allowed');
    expect(verdict(https, 'alice@example.com', 'tag:derp', 443, 'udp')).toBe('denied');
    expect(verdict(https, 'alice@example.com', 'tag:derp', 80, 'tcp')).toBe('denied');
    const bare = withGrants({ src: ['group:infra'], dst: ['tag:derp'], ip: ['443'] });
    expect(verdict(bare, 'alice@example.com', 'tag:derp', 443, 'udp')).toBe('allowed');
  });

  test('ACLs and grants add up, and every rule that allows is named', () => {
    const policy: EvaluablePolicy = {
      ...base,
      acls: [{ action: 'accept', src: ['group:infra'], dst: ['tag:derp:443'] }],
      grants: [{ src: ['alice@example.com'], dst: ['tag:derp'], ip: ['tcp:443'] }],
    };
    expect(policyAllows(policy, 'alice@example.com', 'tag:derp', 443, 'tcp').allowedBy).toEqual(['acls[0]', 'grants[0]']);
  });

  test('an app-only grant is neither network access nor its absence: cannot evaluate when it would match', () => {
    const policy = withGrants({ src: ['tag:derp'], dst: ['tag:monitoring'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'], secret: ['prod/*'] }] } });
    expect(policyAllows(policy, 'tag:derp', 'tag:monitoring', 443, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining('grants only application capabilities'),
    });
    // It does not make unrelated connections unknown.
    expect(verdict(policy, 'alice@example.com', 'tag:monitoring', 443, 'tcp')).toBe('denied');
  });

  test('a grant with ip and app is decided by its ip part', () => {
    const policy = withGrants({ src: ['tag:derp'], dst: ['tag:monitoring'], ip: ['tcp:443'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'] }] } });
    expect(verdict(policy, 'tag:derp', 'tag:monitoring', 443, 'tcp')).toBe('allowed');
    expect(verdict(policy, 'tag:derp', 'tag:monitoring', 22, 'tcp')).toBe('denied');
  });

  test('posture and via conditions make a matching rule unknown', () => {
    const posture = withGrants({ src: ['group:infra'], dst: ['tag:derp'], ip: ['*'], srcPosture: ['posture:latest'] });
    expect(policyAllows(posture, 'alice@example.com', 'tag:derp', 22, 'tcp')).toMatchObject({
      verdict: 'cannot-evaluate',
      reason: expect.stringContaining('device posture'),
    });
    const via = withGrants({ src: ['group:infra'], dst: ['tag:derp'], ip: ['*'], via: ['tag:router'] });
    expect(verdict(via, 'alice@example.com', 'tag:derp', 22, 'tcp')).toBe('cannot-evaluate');
  });
});
