/**
 * The tests the DERP fleet's policy will carry (issue "A DERP fleet that would really run", item 7): monitoring
 * accepts tag:derp:9100; members and relays are denied 9100; clients can reach the relays. Written here against
 * a policy shaped like the one the constructs emit, so the evaluator is proven on the shapes we will feed it.
 */
import { describePolicyTestFailures, evaluatePolicyTests, policyTestsPass, type EvaluablePolicy } from '../../../../lib/tailnet/evaluate';
import type { AclRule, GrantRule } from '../../../../lib/contracts/tailnet-policy';

const acls: AclRule[] = [
  { action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'], proto: 'tcp' },
  { action: 'accept', src: ['autogroup:member', 'autogroup:tagged'], dst: ['tag:derp:443'], proto: 'tcp' },
];
const grants: GrantRule[] = [
  { src: ['autogroup:member', 'autogroup:tagged'], dst: ['tag:derp'], ip: ['udp:3478'] },
  { src: ['tag:derp'], dst: ['tag:secrets'], ip: ['tcp:443'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'], secret: ['prod/derp/*'] }] } },
];

const fleetPolicy = (extra: Partial<EvaluablePolicy> = {}): EvaluablePolicy => ({
  groups: { 'group:infra': ['alice@example.com'] },
  tagOwners: { 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'], 'tag:secrets': ['group:infra'] },
  acls,
  grants,
  tests: [
    { src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] },
    { src: 'alice@example.com', proto: 'tcp', accept: ['tag:derp:443'], deny: ['tag:derp:9100'] },
    { src: 'autogroup:member', proto: 'tcp', deny: ['tag:derp:9100'] },
    { src: 'tag:derp', proto: 'tcp', accept: ['tag:secrets:443'], deny: ['tag:derp:9100'] },
    { src: 'alice@example.com', proto: 'udp', accept: ['tag:derp:3478'] },
  ],
  ...extra,
});

test('the fleet policy passes its own tests', () => {
  const results = evaluatePolicyTests(fleetPolicy());
  expect(describePolicyTestFailures(results)).toEqual([]);
  expect(policyTestsPass(results)).toBe(true);
});

test('opening 9100 to every member is caught by the deny tests, naming the rule', () => {
  const results = evaluatePolicyTests(fleetPolicy({ acls: [...acls, { action: 'accept', src: ['autogroup:member'], dst: ['tag:derp:*'] }] }));
  expect(policyTestsPass(results)).toBe(false);
  expect(describePolicyTestFailures(results)).toEqual([
    'tests[1] src "alice@example.com" proto tcp deny tag:derp:9100: fail: expected denied, but allowed by acls[2] {"action":"accept","src":["autogroup:member"],"dst":["tag:derp:*"]}',
    'tests[2] src "autogroup:member" proto tcp deny tag:derp:9100: fail: expected denied, but allowed by acls[2] {"action":"accept","src":["autogroup:member"],"dst":["tag:derp:*"]}',
  ]);
});

test('dropping the monitoring ACL is caught by the accept test', () => {
  const results = evaluatePolicyTests(fleetPolicy({ acls: acls.slice(1) }));
  expect(describePolicyTestFailures(results)).toEqual([
    'tests[0] src "tag:monitoring" proto tcp accept tag:derp:9100: fail: expected allowed, but no acl or grant allows tag:monitoring → tag:derp',
  ]);
});

test('opening 9100 to one group makes the autogroup:member deny unprovable, which is not a pass', () => {
  const results = evaluatePolicyTests(fleetPolicy({ acls: [...acls, { action: 'accept', src: ['group:infra'], dst: ['tag:derp:9100'] }] }));
  expect(results.map((r) => r.outcome)).toEqual(['pass', 'fail', 'cannot-evaluate', 'pass', 'pass']);
  expect(policyTestsPass(results)).toBe(false);
});

test('a policy with no tests has nothing to prove', () => {
  expect(evaluatePolicyTests(fleetPolicy({ tests: undefined }))).toEqual([]);
});
