/**
 * Examples from Tailscale's documentation and from Tailscale's own repositories, each with where it comes from,
 * plus verdicts recorded against Tailscale's control plane (the headscale project replays real
 * `POST /acl` answers in hscontrol/policy/v2/testdata/policytest_results/, https://github.com/juanfont/headscale).
 * "refused" below means Tailscale answered 400 "test(s) failed"; our evaluator must then not say pass.
 */
import { evaluatePolicyTests, policyAllows, policyTestsPass, type EvaluablePolicy } from '../../../../lib/tailnet/evaluate';

const outcomes = (policy: EvaluablePolicy) => evaluatePolicyTests(policy).map((t) => t.outcome);

describe("Tailscale's own examples", () => {
  // https://github.com/tailscale/tailscale-client-go/blob/main/tailscale/testdata/acl.json (the policy Tailscale's
  // Go API client tests with). Its first ACL uses `autogroup:members` (not an autogroup we know): that rule is
  // unknown, but it never decides these tests, since its destination (`autogroup:self`) is no tagged device.
  const clientGoPolicy: EvaluablePolicy = {
    groups: { 'group:dev': ['alice@example.com', 'bob@example.com'], 'group:devops': ['carl@example.com'] },
    acls: [
      { action: 'accept', src: ['autogroup:members'], dst: ['autogroup:self:*'] },
      { action: 'accept', src: ['group:dev'], dst: ['tag:dev:*'] },
      { action: 'accept', src: ['group:devops'], dst: ['tag:prod:*'] },
      { action: 'accept', src: ['autogroup:members'], dst: ['tag:monitoring:80,443'] },
    ],
    tagOwners: { 'tag:monitoring': ['group:devops'], 'tag:dev': ['group:devops'], 'tag:prod': ['group:devops'] },
    tests: [
      { src: 'carl@example.com', accept: ['tag:prod:80'] },
      { src: 'alice@example.com', accept: ['tag:dev:80'], deny: ['tag:prod:80'] },
    ],
    grants: [{ src: ['group:prod'], dst: ['tag:tailsql'], ip: ['443'], app: { 'tailscale.com/cap/tailsql': [{ dataSrc: ['*'] }] } }],
  };

  test('tailscale-client-go testdata/acl.json: its tests pass, each accept resting on the rule that allows it', () => {
    const [carl, alice] = evaluatePolicyTests(clientGoPolicy);
    expect(carl.outcome).toBe('pass');
    expect(carl.destinations[0].allowedBy).toEqual(['acls[2]']);
    expect(alice.outcome).toBe('pass');
    expect(alice.destinations.map((d) => [d.expect, d.outcome, d.allowedBy])).toEqual([
      ['accept', 'pass', ['acls[1]']],
      ['deny', 'pass', []],
    ]);
  });

  test('tailscale-client-go testdata/acl.json: moving alice into group:devops breaks her deny, naming acls[2]', () => {
    const policy = { ...clientGoPolicy, groups: { ...clientGoPolicy.groups, 'group:devops': ['carl@example.com', 'alice@example.com'] } };
    const alice = evaluatePolicyTests(policy)[1];
    expect(alice.outcome).toBe('fail');
    expect(alice.destinations[1]).toMatchObject({ expect: 'deny', destination: 'tag:prod:80', outcome: 'fail', allowedBy: ['acls[2]'] });
    expect(alice.destinations[1].reason).toContain('acls[2] {"action":"accept","src":["group:devops"],"dst":["tag:prod:*"]}');
  });

  // https://tailscale.com/kb/1337/policy-syntax#tests: a test names a user `src`, optionally a `proto`, and
  // `host:port` destinations that must be accepted or denied; hosts come from the `hosts` section. (Modelled on
  // the page's example: a user, two `hosts` names accepted, an IP denied.)
  test('kb/1337 tests: a user, hosts destinations accepted over tcp, an IP denied', () => {
    const policy: EvaluablePolicy = {
      hosts: { 'example-host-1': '100.100.100.100', vega: '100.101.102.103' },
      acls: [{ action: 'accept', src: ['dave@example.com'], proto: 'tcp', dst: ['example-host-1:22', 'vega:80'] }],
      tests: [{ src: 'dave@example.com', proto: 'tcp', accept: ['example-host-1:22', 'vega:80'], deny: ['192.0.2.3:443'] }],
    };
    expect(outcomes(policy)).toEqual(['pass']);
    // The same test over udp: the ACL is tcp only, so the accepts fail with "no acl or grant allows".
    const [udp] = evaluatePolicyTests({ ...policy, tests: [{ ...policy.tests![0], proto: 'udp' }] });
    expect(udp.outcome).toBe('fail');
    expect(udp.destinations[0].reason).toBe('expected allowed, but no acl or grant allows dave@example.com → example-host-1');
  });

  // https://tailscale.com/kb/1337/acl-syntax#src: `*` is "all traffic originating from Tailscale devices in your
  // tailnet, any approved subnets and autogroup:shared"; a user "includes all the provided user's devices"; a
  // group "includes all users in the provided group".
  test('kb/1337 src: * covers users, tagged devices and tailnet addresses; a non-tailnet address only via an approved route', () => {
    const policy: EvaluablePolicy = { acls: [{ action: 'accept', src: ['*'], dst: ['192.0.2.10:443'] }] };
    expect(policyAllows(policy, 'shreya@example.com', '192.0.2.10', 443, 'tcp').verdict).toBe('allowed');
    expect(policyAllows({ ...policy, tagOwners: { 'tag:ci': ['shreya@example.com'] } }, 'tag:ci', '192.0.2.10', 443, 'tcp').verdict).toBe('allowed');
    expect(policyAllows(policy, '100.101.102.103', '192.0.2.10', 443, 'tcp').verdict).toBe('allowed');
    const outside = policyAllows(policy, '198.51.100.7', '192.0.2.10', 443, 'tcp');
    expect(outside.verdict).toBe('cannot-evaluate');
    expect(outside.reason).toContain('subnet route');
  });

  // https://tailscale.com/docs/features/access-control/grants/grants-explained.md: "one grant gives group:eng access
  // to port 5432 on tag:db. A second grant gives all tailnet members ping access to tag:db. A member of group:eng
  // gets both." Grants only add up.
  test('grants explained: grants add up; a member outside group:eng gets ping only', () => {
    const policy: EvaluablePolicy = {
      groups: { 'group:eng': ['ana@example.com'] },
      tagOwners: { 'tag:db': ['group:eng'] },
      grants: [
        { src: ['group:eng'], dst: ['tag:db'], ip: ['tcp:5432'] },
        { src: ['autogroup:member'], dst: ['tag:db'], ip: ['icmp:*'] },
      ],
    };
    expect(policyAllows(policy, 'ana@example.com', 'tag:db', 5432, 'tcp')).toMatchObject({ verdict: 'allowed', allowedBy: ['grants[0]'] });
    expect(policyAllows(policy, 'ana@example.com', 'tag:db', 0, 'icmp')).toMatchObject({ verdict: 'allowed', allowedBy: ['grants[1]'] });
    expect(policyAllows(policy, 'bo@example.com', 'tag:db', 0, 'icmp').verdict).toBe('allowed');
    expect(policyAllows(policy, 'bo@example.com', 'tag:db', 5432, 'tcp').verdict).toBe('denied');
  });

  // https://www.pulumi.com/registry/packages/tailscale/api-docs/acl (the tailscale provider's example):
  // `{ src: ["*"], dst: ["*"], ip: ["*"] }`, "Allow all users access to all ports."
  test('provider docs allow-all grant: any device reaches any device on any port over tcp and udp', () => {
    const policy: EvaluablePolicy = { tagOwners: { 'tag:derp': ['alice@example.com'] }, grants: [{ src: ['*'], dst: ['*'], ip: ['*'] }] };
    expect(policyAllows(policy, 'alice@example.com', 'tag:derp', 9100).verdict).toBe('allowed');
    expect(policyAllows(policy, 'tag:derp', 'alice@example.com', 3478, 'udp').verdict).toBe('allowed');
    // `*` is the default protocol set, not every protocol: SCTP needs a rule that names it.
    expect(policyAllows(policy, 'tag:derp', 'alice@example.com', 3868, 'sctp').verdict).toBe('denied');
  });
});

/**
 * The topology of headscale's recorded scenarios: the same groups, tag owners and hosts in every capture.
 * Each case: the file name under hscontrol/policy/v2/testdata/policytest_results/, its rules and tests, and what
 * Tailscale answered.
 */
const recorded = (rules: Pick<EvaluablePolicy, 'acls' | 'grants'>, tests: EvaluablePolicy['tests']): EvaluablePolicy => ({
  groups: {
    'group:admins': ['odin@example.com'],
    'group:developers': ['thor@example.org', 'odin@example.com'],
    'group:empty': [],
    'group:monitors': ['freya@example.com'],
  },
  tagOwners: Object.fromEntries(
    ['tag:client', 'tag:exit', 'tag:group-a', 'tag:group-b', 'tag:prod', 'tag:router', 'tag:server'].map((t) => [t, ['odin@example.com']]),
  ),
  hosts: { internal: '10.0.0.0/8', prodbox: '100.103.8.15', subnet24: '192.168.1.0/24', webserver: '100.64.0.16' },
  ...rules,
  tests,
});

const thorTo = (dst: string) => ({ action: 'accept', src: ['thor@example.org'], dst: [dst] });

const CAPTURES: [string, EvaluablePolicy, 'accepted' | 'refused'][] = [
  ['policytest-proto-empty', recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['webserver:80'] }]), 'accepted'],
  [
    'policytest-proto-tcp',
    recorded({ acls: [{ ...thorTo('webserver:80'), proto: 'tcp' }] }, [{ src: 'thor@example.org', proto: 'tcp', accept: ['webserver:80'] }]),
    'accepted',
  ],
  [
    'policytest-proto-udp',
    recorded({ acls: [{ ...thorTo('webserver:53'), proto: 'udp' }] }, [{ src: 'thor@example.org', proto: 'udp', accept: ['webserver:53'] }]),
    'accepted',
  ],
  [
    'policytest-proto-numeric',
    recorded({ acls: [{ ...thorTo('webserver:443'), proto: '6' }] }, [{ src: 'thor@example.org', proto: '6', accept: ['webserver:443'] }]),
    'accepted',
  ],
  ['policytest-port-shape-single', recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['webserver:80'] }]), 'accepted'],
  [
    'policytest-allpass-acls-group-src-host-dst',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['webserver:22'] }] }, [{ src: 'group:developers', accept: ['webserver:22'] }]),
    'accepted',
  ],
  [
    'policytest-allpass-acls-user-src-tag-dst',
    recorded({ acls: [{ action: 'accept', src: ['odin@example.com'], dst: ['tag:server:22'] }] }, [{ src: 'odin@example.com', accept: ['tag:server:22'] }]),
    'accepted',
  ],
  [
    'policytest-allpass-acls-and-grants-mixed',
    recorded(
      {
        acls: [{ action: 'accept', src: ['odin@example.com'], dst: ['tag:server:22'] }],
        grants: [{ src: ['tag:client'], dst: ['webserver'], ip: ['tcp:80'] }],
      },
      [
        { src: 'odin@example.com', accept: ['tag:server:22'] },
        { src: 'tag:client', accept: ['webserver:80'] },
      ],
    ),
    'accepted',
  ],
  [
    'policytest-allpass-grants-only-tag-src-ip-literal-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['100.64.0.16'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['100.64.0.16:22'] }]),
    'accepted',
  ],
  [
    'policytest-allpass-grants-only-tag-src-ipv6-literal-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['fd7a:115c:a1e0::10'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['[fd7a:115c:a1e0::10]:22'] }]),
    'accepted',
  ],
  [
    'policytest-allpass-grants-only-tag-src-host-alias-non-topology-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['prodbox'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['prodbox:22'] }]),
    'accepted',
  ],
  [
    'policytest-malformed-test-duplicate-entries',
    recorded({ acls: [thorTo('webserver:80')] }, [
      { src: 'thor@example.org', accept: ['webserver:80'] },
      { src: 'thor@example.org', accept: ['webserver:80'] },
    ]),
    'accepted',
  ],

  [
    'policytest-accept-fail-proto-mismatch-tcp-vs-udp',
    recorded({ acls: [{ action: 'accept', proto: 'tcp', src: ['group:developers'], dst: ['webserver:53'] }] }, [
      { src: 'thor@example.org', proto: 'udp', accept: ['webserver:53'] },
    ]),
    'refused',
  ],
  [
    'policytest-accept-fail-proto-numeric-mismatch',
    recorded({ acls: [{ action: 'accept', proto: '6', src: ['group:developers'], dst: ['webserver:443'] }] }, [
      { src: 'thor@example.org', proto: '17', accept: ['webserver:443'] },
    ]),
    'refused',
  ],
  [
    'policytest-accept-fail-proto-icmp-not-allowed',
    recorded({ acls: [{ action: 'accept', proto: 'tcp', src: ['group:developers'], dst: ['webserver:*'] }] }, [
      { src: 'thor@example.org', proto: 'icmp', accept: ['webserver:*'] },
    ]),
    'refused',
  ],
  [
    'policytest-accept-fail-group-src-tag-dst',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['tag:client:22'] }] }, [{ src: 'group:developers', accept: ['tag:server:22'] }]),
    'refused',
  ],
  [
    'policytest-accept-fail-tag-src-host-dst',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['webserver:80'] }] }, [{ src: 'tag:client', accept: ['webserver:443'] }]),
    'refused',
  ],
  [
    'policytest-accept-fail-autogroup-tagged-src-tag-dst',
    recorded({ acls: [{ action: 'accept', src: ['tag:group-a'], dst: ['tag:group-b:80'] }] }, [{ src: 'autogroup:tagged', accept: ['tag:server:443'] }]),
    'refused',
  ],
  ['policytest-accept-fail-autogroup-member-src-wildcard-dst', recorded({ acls: [] }, [{ src: 'autogroup:member', accept: ['*:*'] }]), 'refused'],
  [
    'policytest-accept-fail-ip-literal-src-host-dst',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['webserver:80'] }] }, [{ src: '100.64.0.19', accept: ['webserver:80'] }]),
    'refused',
  ],
  [
    'policytest-accept-fail-port-range-mismatch',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['webserver:80'] }] }, [
      { src: 'thor@example.org', accept: ['webserver:8000-8100'] },
    ]),
    'refused',
  ],
  [
    'policytest-accept-fail-port-list-mismatch',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['webserver:80,443'] }] }, [
      { src: 'thor@example.org', accept: ['webserver:22,3306'] },
    ]),
    'refused',
  ],
  [
    'policytest-accept-fail-user-src-cidr-dst',
    recorded({ acls: [thorTo('tag:server:22')] }, [{ src: 'thor@example.org', accept: ['10.0.0.0/8:22'] }]),
    'refused',
  ],
  ['policytest-port-shape-wildcard', recorded({ acls: [thorTo('webserver:*')] }, [{ src: 'thor@example.org', accept: ['webserver:*'] }]), 'refused'],
  [
    'policytest-port-shape-list',
    recorded({ acls: [thorTo('webserver:80,443,8080')] }, [{ src: 'thor@example.org', accept: ['webserver:80,443,8080'] }]),
    'refused',
  ],
  [
    'policytest-port-shape-range',
    recorded({ acls: [thorTo('webserver:8000-8100')] }, [{ src: 'thor@example.org', accept: ['webserver:8000-8100'] }]),
    'refused',
  ],
  [
    'policytest-allpass-grants-only-tag-src-cidr-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['10.0.0.0/8'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['10.0.0.0/8:22'] }]),
    'refused',
  ],
  [
    'policytest-allpass-grants-only-tag-src-prefix32-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['100.64.0.16/32'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['100.64.0.16/32:22'] }]),
    'refused',
  ],
  [
    'policytest-allpass-grants-only-tag-src-host-alias-cidr-dst',
    recorded({ grants: [{ src: ['tag:client'], dst: ['internal'], ip: ['tcp:22'] }] }, [{ src: 'tag:client', accept: ['internal:22'] }]),
    'refused',
  ],
  ['policytest-deny-fail-port-wildcard', recorded({ acls: [thorTo('webserver:*')] }, [{ src: 'thor@example.org', deny: ['webserver:8080'] }]), 'refused'],
  [
    'policytest-deny-fail-tag-src-host-dst',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['webserver:80'] }] }, [{ src: 'tag:client', deny: ['webserver:80'] }]),
    'refused',
  ],
  ['policytest-deny-fail-user-src-tag-dst', recorded({ acls: [thorTo('tag:server:22')] }, [{ src: 'thor@example.org', deny: ['tag:server:22'] }]), 'refused'],
  [
    'policytest-deny-fail-group-src-cidr-dst',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['10.0.0.0/8:443'] }] }, [{ src: 'group:developers', deny: ['10.0.0.0/8:443'] }]),
    'refused',
  ],
  [
    'policytest-deny-fail-autogroup-self-dst',
    recorded({ acls: [thorTo('autogroup:self:22')] }, [{ src: 'thor@example.org', deny: ['autogroup:self:22'] }]),
    'refused',
  ],
  [
    'policytest-deny-fail-autogroup-internet-dst',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['autogroup:internet:*'] }] }, [{ src: 'tag:client', deny: ['autogroup:internet:*'] }]),
    'refused',
  ],
  [
    'policytest-deny-fail-autogroup-member-src-wildcard-dst',
    recorded({ acls: [{ action: 'accept', src: ['autogroup:member'], dst: ['*:*'] }] }, [{ src: 'autogroup:member', deny: ['*:*'] }]),
    'refused',
  ],
  [
    'policytest-dst-unknown-autogroup-internet-non-exit',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['autogroup:internet:*'] }] }, [{ src: 'tag:client', accept: ['autogroup:internet:443'] }]),
    'refused',
  ],
  [
    'policytest-dst-unknown-autogroup-self-with-tag-src',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['webserver:80'] }] }, [{ src: 'tag:client', accept: ['autogroup:self:22'] }]),
    'refused',
  ],
  ['policytest-dst-unknown-cidr-shape', recorded({ acls: [thorTo('10.0.0.0/8:443')] }, [{ src: 'thor@example.org', accept: ['10.0.0.0/33:443'] }]), 'refused'],
  [
    'policytest-dst-unknown-group',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['tag:server:22'] }] }, [
      { src: 'group:developers', accept: ['group:nonexistent:22'] },
    ]),
    'refused',
  ],
  ['policytest-dst-unknown-host', recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['phantomhost:80'] }]), 'refused'],
  ['policytest-dst-unknown-tag', recorded({ acls: [thorTo('tag:server:22')] }, [{ src: 'thor@example.org', accept: ['tag:phantom:22'] }]), 'refused'],
  ['policytest-dst-unknown-user', recorded({ acls: [thorTo('tag:server:22')] }, [{ src: 'thor@example.org', accept: ['odin@example.com:22'] }]), 'refused'],
  [
    'policytest-src-unknown-autogroup',
    recorded({ acls: [{ action: 'accept', src: ['autogroup:member'], dst: ['tag:server:22'] }] }, [{ src: 'autogroup:bogus', accept: ['tag:server:22'] }]),
    'refused',
  ],
  [
    'policytest-src-unknown-group',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['tag:server:22'] }] }, [{ src: 'group:phantom', accept: ['tag:server:22'] }]),
    'refused',
  ],
  [
    'policytest-src-unknown-host',
    recorded({ acls: [{ action: 'accept', src: ['webserver'], dst: ['tag:server:22'] }] }, [{ src: 'phantomhost', accept: ['tag:server:22'] }]),
    'refused',
  ],
  [
    'policytest-src-unknown-tag',
    recorded({ acls: [{ action: 'accept', src: ['tag:client'], dst: ['webserver:80'] }] }, [{ src: 'tag:phantom', accept: ['webserver:80'] }]),
    'refused',
  ],
  ['policytest-malformed-test-empty-string-src', recorded({ acls: [thorTo('webserver:80')] }, [{ src: '', accept: ['webserver:80'] }]), 'refused'],
  ['policytest-malformed-test-missing-accept-and-deny', recorded({ acls: [thorTo('tag:server:22')] }, [{ src: 'thor@example.org' }]), 'refused'],
  [
    'policytest-malformed-test-bad-port-syntax',
    recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['webserver:notaport'] }]),
    'refused',
  ],
  ['policytest-malformed-test-port-negative', recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['webserver:-1'] }]), 'refused'],
  [
    'policytest-malformed-test-port-out-of-range',
    recorded({ acls: [thorTo('webserver:80')] }, [{ src: 'thor@example.org', accept: ['webserver:99999'] }]),
    'refused',
  ],
  [
    'policytest-mixed-two-entries',
    recorded({ acls: [thorTo('webserver:80')] }, [
      { src: 'thor@example.org', accept: ['webserver:80'] },
      { src: 'thor@example.org', accept: ['webserver:443'] },
    ]),
    'refused',
  ],
  [
    'policytest-mixed-three-entries',
    recorded({ acls: [{ action: 'accept', src: ['group:developers'], dst: ['webserver:80'] }] }, [
      { src: 'thor@example.org', accept: ['webserver:80'] },
      { src: 'thor@example.org', accept: ['webserver:443'] },
      { src: 'thor@example.org', deny: ['webserver:80'] },
    ]),
    'refused',
  ],
];

describe("verdicts recorded against Tailscale's control plane", () => {
  test.each(CAPTURES.map(([name, policy, tailscale]) => [name, tailscale, policy] as const))('%s: Tailscale %s it', (_name, tailscale, policy) => {
    expect(policyTestsPass(evaluatePolicyTests(policy))).toBe(tailscale === 'accepted');
  });

  test('a deny that a rule allows fails (not merely "cannot evaluate") and names the rule', () => {
    const [result] = evaluatePolicyTests(CAPTURES.find(([n]) => n === 'policytest-deny-fail-port-wildcard')![1]);
    expect(result.destinations[0]).toMatchObject({ outcome: 'fail', allowedBy: ['acls[0]'] });
    expect(result.destinations[0].reason).toBe('expected denied, but allowed by acls[0] {"action":"accept","src":["thor@example.org"],"dst":["webserver:*"]}');
  });

  test('an accept no rule allows fails with the absence of any rule', () => {
    const [, second] = evaluatePolicyTests(CAPTURES.find(([n]) => n === 'policytest-mixed-two-entries')![1]);
    expect(second.destinations[0]).toMatchObject({ outcome: 'fail', reason: 'expected allowed, but no acl or grant allows thor@example.org → webserver' });
  });

  test('test shapes Tailscale refuses are "cannot evaluate", with the reason', () => {
    const reasonOf = (name: string) => evaluatePolicyTests(CAPTURES.find(([n]) => n === name)![1])[0];
    expect(reasonOf('policytest-port-shape-wildcard').destinations[0]).toMatchObject({
      outcome: 'cannot-evaluate',
      reason: expect.stringContaining('one port'),
    });
    expect(reasonOf('policytest-allpass-grants-only-tag-src-host-alias-cidr-dst').destinations[0].reason).toContain("hosts['internal'] is a prefix");
    expect(reasonOf('policytest-src-unknown-tag').destinations[0].reason).toContain("'tag:phantom' has no tagOwners entry");
    expect(reasonOf('policytest-dst-unknown-autogroup-self-with-tag-src').destinations[0].outcome).toBe('cannot-evaluate');
    expect(reasonOf('policytest-malformed-test-missing-accept-and-deny')).toMatchObject({
      outcome: 'cannot-evaluate',
      problems: [expect.stringContaining('neither accept nor deny')],
    });
    expect(reasonOf('policytest-accept-fail-proto-icmp-not-allowed').problems[0]).toContain('a test can name only tcp, udp, sctp');
  });
});
