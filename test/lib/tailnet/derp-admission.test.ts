/**
 * The policy and the DERP fleet: derper -verify-clients admits only peers, so the policy makes the fleet's
 * clients peers of tag:derp (with the narrowest rule) and proves it at synth; the tests the model implies are
 * generated and evaluated offline; relays may be granted only derp/* secrets.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import { DerpFleet } from '../../../lib/fleet';
import { TailnetPolicy } from '../../../lib/tailnet';
import { peersVisible } from '../../../lib/tailnet/evaluate';
import { awsStack, testApp } from '../../helpers/app';
import { FakeRelay } from '../fleet/fake-relay';

const TAGS = { owner: 'team-infra', environment: 'test' };

function setup(props: ConstructorParameters<typeof TailnetPolicy>[2] = {}, relayProps: ConstructorParameters<typeof FakeRelay>[2] = {}) {
  const app = testApp();
  const stack: TerraformStack = awsStack(app, 'main', { defaultTags: TAGS });
  const policy = new TailnetPolicy(stack, 'policy', {
    groups: { 'group:infra': ['alice@example.com'], 'group:eng': ['bob@example.com'] },
    tagOwners: { 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'], 'tag:setec': ['group:infra'], 'tag:ci': ['group:infra'] },
    ...props,
  });
  new DerpFleet(stack, 'fleet', { relays: [new FakeRelay(stack, 'r1', relayProps)], tailnetPolicy: policy });
  policy.addAcl({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
  const synth = (): any => {
    app.synth();
    return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'main', 'tailnet-policy.json'), 'utf8'));
  };
  const error = (): string => {
    try {
      synth();
    } catch (e) {
      return (e as Error).message;
    }
    return 'synthesized';
  };
  return { policy, synth, error };
}

describe('client admission (derper -verify-clients)', () => {
  test('by default every member, and the relays themselves, become peers of tag:derp on the ports derper serves publicly', () => {
    const doc = setup().synth();
    expect(doc.grants).toEqual([{ src: ['autogroup:member', 'tag:derp'], dst: ['tag:derp'], ip: ['tcp:443', 'udp:3478'] }]);
    expect(peersVisible(doc, 'autogroup:member', 'tag:derp').verdict).toBe('allowed');
    expect(peersVisible(doc, 'alice@example.com', 'tag:derp').verdict).toBe('allowed');
    expect(peersVisible(doc, 'tag:ci', 'tag:derp').verdict).toBe('denied');
  });

  test('configurable clients: groups and tags', () => {
    const doc = setup({ derpClients: ['group:eng', 'tag:ci'] }).synth();
    expect(doc.grants).toEqual([{ src: ['group:eng', 'tag:ci', 'tag:derp'], dst: ['tag:derp'], ip: ['tcp:443', 'udp:3478'] }]);
    expect(doc.tests).toContainEqual({ src: 'autogroup:member', proto: 'tcp', deny: ['tag:derp:9100'] });
  });

  test('own-rules: synth refuses clients no rule makes peers, naming the client and why', () => {
    const { error } = setup({ derpClientAdmission: 'own-rules' });
    expect(error()).toMatch(
      /TailnetPolicy 'main\/policy': props\.derpClients\[0\] "autogroup:member" cannot use the DERP fleet: its relays run derper -verify-clients, which admits only nodes the relay's tailscaled has as peers, and no acl or grant makes 'autogroup:member' and tag:derp peers/,
    );
  });

  test('own-rules: an ICMP-only grant is enough to be peers (visibility is any rule, either direction)', () => {
    const { policy, synth } = setup({ derpClientAdmission: 'own-rules' });
    policy.addGrant({ src: ['autogroup:member'], dst: ['tag:derp'], ip: ['icmp:*'] });
    expect(synth().grants).toEqual([{ src: ['autogroup:member'], dst: ['tag:derp'], ip: ['icmp:*'] }]);
  });

  test('relays that do not verify clients need no admission rule', () => {
    const doc = setup({}, { verifiesClients: false }).synth();
    expect(doc.grants).toEqual([]);
    expect(doc.tests).toBeUndefined();
  });

  test("'*' is refused as a client (it also covers subnet routes)", () => {
    expect(() => setup({ derpClients: ['*'] })).toThrow(/props\.derpClients\[0\] "\*" is refused/);
  });
});

describe('policy tests, generated and proven at synth', () => {
  test('the model implies: clients reach 443/tcp and 3478/udp, nobody but monitoring reaches 9100', () => {
    const { policy, synth } = setup();
    policy.addTest({ src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] });
    expect(synth().tests).toEqual([
      { src: 'autogroup:member', proto: 'tcp', accept: ['tag:derp:443'], deny: ['tag:derp:9100'] },
      { src: 'autogroup:member', proto: 'udp', accept: ['tag:derp:3478'] },
      { src: 'tag:derp', proto: 'tcp', deny: ['tag:derp:9100'] },
      { src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] },
    ]);
  });

  test('a rule that opens the exporter to members fails synth, naming the test and the rule', () => {
    const { policy, error } = setup();
    policy.addAcl({ action: 'accept', src: ['autogroup:member'], dst: ['tag:derp:*'] });
    const message = error();
    expect(message).toContain('TailnetPolicy \'main/policy\': tests "<1 failing>" do not pass');
    expect(message).toContain(
      'tests[0] src "autogroup:member" proto tcp deny tag:derp:9100: fail: expected denied, but allowed by acls[1] {"action":"accept","src":["autogroup:member"],"dst":["tag:derp:*"]}',
    );
  });

  test("a user's own failing test fails synth; one that cannot be evaluated too", () => {
    const failing = setup({ tests: [{ src: 'tag:ci', proto: 'tcp', accept: ['tag:derp:22'] }] });
    expect(failing.error()).toMatch(
      /tests\[3\] src "tag:ci" proto tcp accept tag:derp:22: fail: expected allowed, but no acl or grant allows tag:ci → tag:derp/,
    );
    const unknowable = setup({ tests: [{ src: 'autogroup:member', proto: 'tcp', deny: ['tag:monitoring:22'] }] });
    unknowable.policy.addAcl({ action: 'accept', src: ['group:eng'], dst: ['tag:monitoring:22'] });
    expect(unknowable.error()).toMatch(/tests\[3\] src "autogroup:member" proto tcp deny tag:monitoring:22: cannot-evaluate/);
  });

  test('malformed tests are refused when added', () => {
    const { policy } = setup();
    expect(() => policy.addTest({ src: 'tag:ci', accept: ['tag:derp:*'] })).toThrow(
      /addTest\(test\)\.accept\[0\] "tag:derp:\*" must be 'host:port' with one port/,
    );
    expect(() => policy.addTest({ src: 'tag:ci' })).toThrow(/has neither accept nor deny/);
    expect(() => policy.addTest({ src: '*', deny: ['tag:derp:1'] })).toThrow(/addTest\(test\)\.src "\*"/);
  });
});

describe('relays read only derp/* secrets (an app-capability check over the grants)', () => {
  const secrets = (secret: string[]) => ({ src: ['tag:derp'], dst: ['tag:setec'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'], secret }] } });

  test('derp/* is fine', () => {
    const { policy, synth } = setup();
    policy.addGrant(secrets(['derp/*']));
    expect(() => synth()).not.toThrow();
  });

  test.each([['dev/*'], ['*'], ['derp/'], ['derpx/key']])('%s is refused, naming the grant and the secret', (secret) => {
    const { policy, error } = setup();
    policy.addGrant(secrets(['derp/*', secret]));
    expect(error()).toContain(
      `grants[0].app['tailscale.com/cap/secrets'][0].secret[1] ${JSON.stringify(secret)} gives tag:derp (the relays, whose hosts face the internet) a secret outside 'derp/*'`,
    );
  });

  test('a grant to every tagged device covers the relays too', () => {
    const { policy, error } = setup();
    policy.addGrant({ ...secrets(['dev/*']), src: ['autogroup:tagged'] });
    expect(error()).toContain('secret[0] "dev/*" gives tag:derp');
  });
});
