import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { synthClean } from '../tailnet/clean-synth';
import { DERP_FLEET_MEMBERSHIP } from '../../../lib/contracts/derp-node';
import { DerpFleet, DerpFleetError } from '../../../lib/fleet';
import { TailnetPolicy } from '../../../lib/tailnet';
import { TailscaleProvider } from '../../../lib/tailscale';
import { TAILSCALE_VERSION } from '../../../lib/boot/versions';
import { awsStack, stackFile, testApp } from '../../helpers/app';
import { FakeRelay } from './fake-relay';

const TAGS = { owner: 'team-infra', environment: 'test' };
const MESH_KEY = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:derp/mesh-key-??????';
const MESH = { with: ['fra1.derp.example.com', 'fra2.derp.example.com'], keySecret: MESH_KEY };
const OWNERS = { tagOwners: { 'tag:derp': ['autogroup:admin'] } };

function readJson(app: { outdir: string }, file: string, stack = 'fleet'): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, file), 'utf8'));
}

/** Two AWS-ish relays in 900, one DO-ish in 910, with real EIP tokens for addresses. */
function fleetStack() {
  const app = testApp();
  const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
  const a = new FakeRelay(stack, 'fra1', { withEip: true, ipv6: '2a05:d014::1', mesh: MESH });
  const b = new FakeRelay(stack, 'fra2', { withEip: true, mesh: MESH, canPort80: true });
  const c = new FakeRelay(stack, 'ams1', { regionId: 910, regionCode: 'do-ams', regionName: 'DigitalOcean Amsterdam', ipv4: '203.0.113.10' });
  return { app, stack, relays: [a, b, c] };
}

describe('DerpFleet', () => {
  test('derpMap in the output, derp-map.json and the policy; passes every guardrail', () => {
    const { app, stack, relays } = fleetStack();
    const policy = new TailnetPolicy(stack, 'policy', OWNERS);
    const fleet = new DerpFleet(stack, 'fleet', { relays: relays.slice(0, 2), tailnetPolicy: policy, omitDefaultRegions: true });
    fleet.addRelay(relays[2]); // added after the policy was fed: the policy still sees it
    synthClean(app);

    const map = readJson(app, 'derp-map.json');
    expect(Object.keys(map.Regions)).toEqual(['900', '910']);
    expect(map.OmitDefaultRegions).toBe(true);
    expect(map.Regions['900']).toMatchObject({ RegionID: 900, RegionCode: 'aws-fra', RegionName: 'AWS Frankfurt' });
    expect(map.Regions['900'].Nodes).toEqual([
      {
        Name: 'fra1',
        RegionID: 900,
        HostName: 'fra1.derp.example.com',
        IPv4: expect.stringMatching(/^\$\{aws_eip\.fra1_eip_[0-9A-F]+\.public_ip\}$/),
        IPv6: '2a05:d014::1',
        STUNPort: 3478,
        DERPPort: 443,
      },
      {
        Name: 'fra2',
        RegionID: 900,
        HostName: 'fra2.derp.example.com',
        IPv4: expect.stringMatching(/^\$\{aws_eip\.fra2_eip_[0-9A-F]+\.public_ip\}$/),
        STUNPort: 3478,
        DERPPort: 443,
        CanPort80: true,
      },
    ]);
    expect(map.Regions['910'].Nodes[0]).toMatchObject({ Name: 'ams1', RegionID: 910, IPv4: '203.0.113.10' });

    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'fleet'), 'utf8'));
    expect(tf.output.derp_map.sensitive).toBe(false);
    expect(tf.output.derp_map.value).toEqual(map);
    // No data source and no remote state: the stack plans offline.
    expect(tf.data).toBeUndefined();

    expect(readJson(app, 'tailnet-policy.json').derpMap).toEqual(map);
  });

  test("a Terraform-managed policy carries the relays' addresses as interpolations Terraform fills in", () => {
    const { app, stack, relays } = fleetStack();
    new TailscaleProvider(stack, 'tailscale');
    const policy = new TailnetPolicy(stack, 'policy', { ...OWNERS, manageWithTerraform: true });
    new DerpFleet(stack, 'fleet', { relays, tailnetPolicy: policy });
    synthClean(app);
    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'fleet'), 'utf8'));
    const acl: string = (Object.values(tf.resource.tailscale_acl)[0] as any).acl;
    expect(acl).toMatch(/"IPv4": "\$\{aws_eip\.fra1_eip_[0-9A-F]+\.public_ip\}"/);
    expect(acl).not.toMatch(/TfToken/);
    expect(JSON.parse(acl).derpMap.Regions['910'].Nodes[0].IPv4).toBe('203.0.113.10');
  });

  test.each([
    ['a RegionID below 900', { regionId: 899 }, /derpNode\.regionId 899 must be a whole number from 900 to 999/],
    ['a RegionID above 999', { regionId: 1000 }, /regionId 1000/],
    ['a node with no region', { regionId: undefined as unknown as number }, /derpNode\.regionId null is missing/],
    ['an invalid host name', { hostName: 'Derp_1.example.com' }, /derpNode\.hostName "Derp_1\.example\.com" has label 'Derp_1'/],
    ['a bare host name', { hostName: 'derp1' }, /must be fully qualified/],
    ['a malformed literal IPv4', { ipv4: '300.1.1.1' }, /derpNode\.ipv4 "300\.1\.1\.1" must be an IPv4 address/],
    ['an IPv4 given as IPv6', { ipv6: '203.0.113.1' }, /derpNode\.ipv6 .* must be an IPv6 address/],
    ['a port out of range', { stunPort: 0 }, /derpNode\.stunPort 0 must be a port/],
    ['a region code with spaces', { regionCode: 'aws fra' }, /regionCode "aws fra"/],
  ])('refuses %s, naming the fleet and the prop', (_name, node, message) => {
    const app = testApp();
    const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
    const relay = new FakeRelay(stack, 'r1', node);
    let error: unknown;
    try {
      new DerpFleet(stack, 'fleet', { relays: [relay] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DerpFleetError);
    expect((error as Error).message).toMatch(/^DerpFleet 'fleet\/fleet': props\.relays\[0\]\.derpNode\./);
    expect((error as Error).message).toMatch(message);
  });

  test('refuses conflicting regions, duplicate host names and duplicate node names', () => {
    const { stack } = fleetStack();
    const fleet = new DerpFleet(stack, 'fleet', { relays: [new FakeRelay(stack, 'x1')] });
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x2', { regionCode: 'aws-ber' }))).toThrow(/regionId 900 is region 'aws-ber' .* but 'aws-fra'/);
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x3', { regionName: 'Frankfurt' }))).toThrow(/one RegionID, one code and name/);
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x4', { hostName: 'X1.derp.example.com'.toLowerCase() }))).toThrow(
      /hostName "x1\.derp\.example\.com" is also the host name of props\.relays\[0\]/,
    );
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x5', { name: 'x1', hostName: 'x5b.derp.example.com' }))).toThrow(/name "x1" is also the name/);
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x6', { regionId: 901 }))).toThrow(/regionCode "aws-fra" is used by RegionID 900/);
    // Same region, same code and name: fine.
    expect(() => fleet.addRelay(new FakeRelay(stack, 'x7'))).not.toThrow();
  });

  test('a relay already in another fleet is refused (DERP_FLEET_MEMBERSHIP)', () => {
    const { stack, relays } = fleetStack();
    const first = new DerpFleet(stack, 'first', { relays: [relays[0]] });
    expect((relays[0] as any)[DERP_FLEET_MEMBERSHIP]).toBe(first);
    expect(() => new DerpFleet(stack, 'second', { relays: [relays[0]] })).toThrow(
      /DerpFleet 'fleet\/second': props\.relays\[0\] "fleet\/fra1" is already in the fleet 'fleet\/first'/,
    );
    expect(() => first.addRelay(relays[0])).toThrow(/already in the fleet 'fleet\/first'/);
  });

  test('a fleet with no relays fails at synth', () => {
    const app = testApp();
    const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
    new DerpFleet(stack, 'fleet');
    expect(() => app.synth()).toThrow(/DerpFleet 'fleet\/fleet': relays \[\] is empty/);
  });

  test("relays in other stacks need literal addresses; the policy must be in the fleet's stack", () => {
    const app = testApp();
    const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
    const other = awsStack(app, 'other', { defaultTags: TAGS });
    expect(() => new DerpFleet(stack, 'f1', { relays: [new FakeRelay(other, 'r', { withEip: true })] })).toThrow(
      /props\.relays\[0\] "other\/r" is in stack 'other', not the fleet's stack 'fleet', and its IPv4 is not a literal.*Pin the address \(AwsDerpRelay elasticIp/,
    );
    // A pinned (literal) address crosses stacks as plain data; an IPv6 reference from the other stack is left out.
    const pinned = new FakeRelay(other, 'pinned', { ipv4: '198.51.100.7', ipv6: new FakeRelay(other, 'tok', { withEip: true }).derpNode.ipv4 });
    const fleet = new DerpFleet(stack, 'f3', { relays: [pinned] });
    expect(fleet.derpMap.Regions['900'].Nodes[0]).toEqual({
      Name: 'pinned',
      RegionID: 900,
      HostName: 'pinned.derp.example.com',
      IPv4: '198.51.100.7',
      STUNPort: 3478,
      DERPPort: 443,
    });
    expect(() => new DerpFleet(stack, 'f2', { tailnetPolicy: new TailnetPolicy(other, 'p') })).toThrow(/props\.tailnetPolicy "other\/p" is in stack 'other'/);
  });

  test("nodeAddresses 'dns': relays in other stacks, host names only, no cross-stack reference", () => {
    const app = testApp();
    const tailnet = awsStack(app, 'tailnet', { defaultTags: TAGS });
    const relays = awsStack(app, 'relays', { defaultTags: TAGS });
    const policy = new TailnetPolicy(tailnet, 'policy', { tagOwners: { 'tag:derp': ['autogroup:admin'] } });
    new DerpFleet(tailnet, 'fleet', { nodeAddresses: 'dns', relays: [new FakeRelay(relays, 'fra1', { withEip: true })], tailnetPolicy: policy });
    app.synth();
    const node = readJson(app, 'tailnet-policy.json', 'tailnet').derpMap.Regions['900'].Nodes[0];
    expect(node).toMatchObject({ Name: 'fra1', HostName: expect.any(String) });
    expect(node.IPv4).toBeUndefined();
    const json = JSON.parse(fs.readFileSync(stackFile(app, 'tailnet'), 'utf8'));
    expect(json.data).toBeUndefined(); // no terraform_remote_state
    expect(() => new DerpFleet(tailnet, 'bad', { nodeAddresses: 'ip' as never })).toThrow(/props\.nodeAddresses "ip" must be 'relays' or 'dns'/);
  });

  test("a TailnetPolicy in the fleet's stack takes entries from constructs in other stacks", () => {
    const app = testApp();
    const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
    const other: TerraformStack = awsStack(app, 'other', { defaultTags: TAGS });
    const policy = new TailnetPolicy(stack, 'policy', { tagOwners: { 'tag:derp': ['autogroup:admin'] } });
    new DerpFleet(stack, 'fleet', { relays: [new FakeRelay(stack, 'r1')], tailnetPolicy: policy });
    policy.addAcl({ action: 'accept', src: ['autogroup:admin'], dst: ['tag:derp:8443'] });
    void other;
    app.synth();
    expect(readJson(app, 'tailnet-policy.json').acls).toHaveLength(1);
    expect(readJson(app, 'tailnet-policy.json').derpMap.Regions['900'].Nodes[0].Name).toBe('r1');
  });

  test('bad output or file names are refused', () => {
    const app = testApp();
    const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
    expect(() => new DerpFleet(stack, 'a', { outputName: '9map' })).toThrow(/props\.outputName "9map"/);
    expect(() => new DerpFleet(stack, 'b', { fileName: 'x/y.json' })).toThrow(/props\.fileName "x\/y\.json"/);
  });

  describe('one version for the fleet', () => {
    test("versions default to lib/boot's, are handed to relays, and a relay on another version is refused", () => {
      const { stack } = fleetStack();
      const fleet = new DerpFleet(stack, 'fleet', { versions: { derperSha256: { arm64: 'a'.repeat(64) } } });
      expect(fleet.tailscaleVersion).toBe(TAILSCALE_VERSION);
      expect(fleet.versions).toEqual({ tailscale: TAILSCALE_VERSION, derperSha256: { arm64: 'a'.repeat(64) } });
      expect(() => fleet.addRelay(new FakeRelay(stack, 'old', { tailscaleVersion: '1.100.0' }))).toThrow(
        /derpNode\.tailscaleVersion "1\.100\.0" differs from the fleet's Tailscale version 1\.102\.3; a fleet runs one version/,
      );
    });

    test('a version without the TS-2025-003 fix is refused', () => {
      const { stack } = fleetStack();
      expect(() => new DerpFleet(stack, 'fleet', { versions: { tailscale: '1.84.3' } })).toThrow(
        /props\.versions\.tailscale "1\.84\.3" is older than 1\.86\.0/,
      );
    });
  });

  describe('a region of more than one node meshes or is refused', () => {
    const synthError = (relays: (stack: TerraformStack) => FakeRelay[]) => {
      const app = testApp();
      const stack = awsStack(app, 'fleet', { defaultTags: TAGS });
      new DerpFleet(stack, 'fleet', { relays: relays(stack) });
      try {
        app.synth();
      } catch (e) {
        return (e as Error).message;
      }
      return 'synthesized';
    };

    test('two nodes without a mesh: refused, naming the region and the nodes', () => {
      const message = synthError((s) => [new FakeRelay(s, 'fra1'), new FakeRelay(s, 'fra2')]);
      expect(message).toMatch(
        /DerpFleet 'fleet\/fleet': props\.relays\[0\]\.derpNode\.mesh "fra1" is missing: region 900 'aws-fra' has 2 nodes: fra1 \(fra1\.derp\.example\.com, fleet\/fra1\), fra2 \(fra2\.derp\.example\.com, fleet\/fra2\)/,
      );
      expect(message).toContain('regionHostnames: ["fra1.derp.example.com","fra2.derp.example.com"]');
    });

    test('a mesh that leaves out a node, or uses another key, is refused', () => {
      expect(
        synthError((s) => [
          new FakeRelay(s, 'fra1', { mesh: MESH }),
          new FakeRelay(s, 'fra2', { mesh: { ...MESH, with: ['fra2.derp.example.com', 'fra3.derp.example.com'] } }),
        ]),
      ).toMatch(/props\.relays\[1\]\.derpNode\.mesh\.with .* must list exactly the region's nodes \["fra1\.derp\.example\.com","fra2\.derp\.example\.com"\]/);
      expect(synthError((s) => [new FakeRelay(s, 'fra1', { mesh: MESH }), new FakeRelay(s, 'fra2', { mesh: { ...MESH, keySecret: 'other' } })])).toMatch(
        /mesh\.keySecret "other" differs from fra1's .*one key per region/,
      );
    });

    test('a node that cannot mesh (DigitalOcean) cannot share a region', () => {
      expect(synthError((s) => [new FakeRelay(s, 'fra1', { mesh: MESH }), new FakeRelay(s, 'fra2', { meshUnsupported: 'it is a droplet' })])).toMatch(
        /mesh "fra2" cannot join: region 900 .*, and it is a droplet/,
      );
    });

    test('a meshed region and a region of one node synthesize', () => {
      expect(
        synthError((s) => [
          new FakeRelay(s, 'fra1', { mesh: MESH }),
          new FakeRelay(s, 'fra2', { mesh: MESH }),
          new FakeRelay(s, 'ams1', { regionId: 910, regionCode: 'do-ams' }),
        ]),
      ).toBe('synthesized');
    });
  });

  test('gives the policy the fleet: its clients are admitted to tag:derp, proven at synth', () => {
    const { app, stack, relays } = fleetStack();
    const policy = new TailnetPolicy(stack, 'policy', OWNERS);
    new DerpFleet(stack, 'fleet', { relays, tailnetPolicy: policy });
    synthClean(app);
    const doc = readJson(app, 'tailnet-policy.json');
    expect(doc.grants).toContainEqual({ src: ['autogroup:member', 'tag:derp'], dst: ['tag:derp'], ip: ['tcp:443', 'udp:3478'] });
    expect(doc.tests.length).toBeGreaterThan(0);
  });
});
