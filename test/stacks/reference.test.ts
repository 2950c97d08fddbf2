/**
 * The main job: the reference stacks synthesize with every strict guardrail and no suppression, are wired
 * together as the issue describes, and every AWS stack passes real terraform init + validate + plan
 * offline. (The DigitalOcean and tailnet stacks use providers with no local mirror here.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { buildReferenceApp, type ReferenceApp } from '../../stacks/app';
import { describePolicyTestFailures, evaluatePolicyTests } from '../../lib/tailnet/evaluate';
import { planOffline } from '../helpers/offline-plan';
import { describeWithTerraform } from '../helpers/terraform';

process.env.CDKTF_GUARDRAILS_QUIET = '1';

let ref: ReferenceApp;
let outdir: string;
const stackJson = (id: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
const stackFileJson = (id: string, name: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, name), 'utf8'));

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-'));
  ref = buildReferenceApp(outdir);
  ref.app.synth();
});

const AWS_STACKS = ['secrets', 'derp-aws-fra', 'derp-aws-iad', 'monitoring'];
const ALL_STACKS = [...AWS_STACKS, 'tailnet', 'derp-digitalocean'];

describe('reference stacks', () => {
  test('all six stacks synthesize under the strict profile with no finding and no suppression', () => {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'guardrails', 'report.json'), 'utf8'));
    expect(report.profile).toBe('strict');
    expect(report.stacks.map((s: { name: string }) => s.name).sort()).toEqual([...ALL_STACKS].sort());
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 0, invalidSuppressions: 0 });
    expect(report.rulesOff).toEqual([]);
    expect(report.summary.rulesEvaluated).toBeGreaterThanOrEqual(60);
    for (const id of ALL_STACKS) expect(stackJson(id)['//'].guardrails).toBeUndefined();
  });

  test('no stack depends on another through Terraform: no data sources, no remote state', () => {
    for (const id of ALL_STACKS) expect(stackJson(id).data).toBeUndefined();
  });

  test('the derpMap has the four regions, with pinned addresses (no DNS dependence) and CanPort80', () => {
    const map = stackFileJson('tailnet', 'derp-map.json');
    expect(Object.keys(map.Regions).sort()).toEqual(['900', '901', '910', '911']);
    expect(map.Regions['900'].Nodes).toEqual([
      { Name: '900a', RegionID: 900, HostName: 'derp-fra1.derp.example.net', IPv4: '198.51.100.11', STUNPort: 3478, DERPPort: 443, CanPort80: true },
      { Name: '900b', RegionID: 900, HostName: 'derp-fra2.derp.example.net', IPv4: '198.51.100.12', STUNPort: 3478, DERPPort: 443, CanPort80: true },
    ]);
    expect(map.Regions['911']).toMatchObject({ RegionCode: 'do-sfo', Nodes: [{ Name: '911a', IPv4: '203.0.113.41', CanPort80: true }] });
    for (const region of Object.values(map.Regions) as { Nodes: { IPv4?: string }[] }[]) for (const node of region.Nodes) expect(node.IPv4).toMatch(/^[0-9.]+$/);
  });

  test('the two-node region meshes: one key from the secret store, every node listed, no extra port', () => {
    const fra = stackJson('derp-aws-fra');
    const instances = Object.values(fra.resource.aws_instance) as { user_data_base64: string }[];
    expect(instances).toHaveLength(2);
    for (const instance of instances) {
      const text = gunzipSync(Buffer.from(instance.user_data_base64, 'base64')).toString('utf8');
      expect(text).toContain('-mesh-with=derp-fra1.derp.example.net,derp-fra2.derp.example.net');
      expect(text).toContain("MESH_KEY_SECRET_ID='derp/mesh-key'");
      expect(text).toContain('systemctl mask ssh.service ssh.socket');
    }
    const ports = (Object.values(fra.resource.aws_vpc_security_group_ingress_rule) as { from_port: number }[]).map((r) => r.from_port);
    expect([...new Set(ports)].sort((a, b) => a - b)).toEqual([80, 443, 3478]);
    expect(Object.values(fra.resource.aws_route53_record).map((r: any) => [r.name, r.records])).toEqual([
      ['derp-fra1.derp.example.net', ['198.51.100.11']],
      ['derp-fra2.derp.example.net', ['198.51.100.12']],
    ]);
  });

  test('the tailnet policy: monitoring reaches tag:derp on 9100 only; setec grants as specified', () => {
    const policy = stackFileJson('tailnet', 'tailnet-policy.json');
    expect(policy.acls).toContainEqual({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    // Every ACL to the relays is monitoring's (its exporters, and its probes); the clients' admission is a grant.
    const toRelays = policy.acls.filter((a: { dst: string[] }) => a.dst.some((d) => d.startsWith('tag:derp:')));
    expect(toRelays.map((a: { src: string[] }) => a.src)).toEqual(toRelays.map(() => ['tag:monitoring']));
    expect(policy.acls.filter((a: { dst: string[] }) => a.dst.some((d) => d.includes(':9100')))).toEqual([{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }]);
    const secretGrants = policy.grants.filter((g: { app?: object }) => g.app);
    const capabilities = secretGrants.map((g: { src: string[]; app: Record<string, { action: string[]; secret: string[] }[]> }) => [g.src, Object.values(g.app)[0]]);
    expect(capabilities).toContainEqual([['group:infra'], [{ action: ['get', 'put', 'info', 'activate', 'delete'], secret: ['dev/*', 'derp/*'] }]]);
    expect(capabilities).toContainEqual([['tag:derp'], [{ action: ['get'], secret: ['derp/*'] }]]);
    expect(policy.tagOwners).toMatchObject({ 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'] });
    expect(stackJson('tailnet').resource.tailscale_acl).toBeDefined();
  });

  test('the tailnet policy admits the fleet\'s clients (derper -verify-clients) and carries tests that pass offline', () => {
    const policy = stackFileJson('tailnet', 'tailnet-policy.json');
    expect(policy.grants).toContainEqual({ src: ['autogroup:member', 'tag:derp'], dst: ['tag:derp'], ip: ['tcp:443', 'udp:3478'] });
    expect(policy.tests).toEqual(
      expect.arrayContaining([
        { src: 'autogroup:member', proto: 'tcp', accept: ['tag:derp:443'], deny: ['tag:derp:9100'] },
        { src: 'autogroup:member', proto: 'udp', accept: ['tag:derp:3478'] },
        { src: 'tag:derp', proto: 'tcp', deny: ['tag:derp:9100'] },
        { src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] },
      ]),
    );
    const results = evaluatePolicyTests(policy);
    expect(describePolicyTestFailures(results)).toEqual([]);
    expect(results.every((r) => r.outcome === 'pass')).toBe(true);
    // The Terraform-managed policy is the same document.
    const acl = JSON.parse((Object.values(stackJson('tailnet').resource.tailscale_acl)[0] as { acl: string }).acl);
    expect(acl.tests).toEqual(policy.tests);
  });

  test('one Tailscale version across the fleet; monitoring pairs an arm64 AMI with a Graviton type', () => {
    const versions = new Set(ref.tailnet.fleet.nodes.map((n) => n.tailscaleVersion));
    expect([...versions]).toEqual([ref.tailnet.fleet.tailscaleVersion]);
    expect((Object.values(stackJson('monitoring').resource.aws_instance)[0] as { instance_type: string }).instance_type).toBe('t4g.small');
  });

  test('each AWS relay role may read exactly the derp/* secrets, through the store grant', () => {
    const secrets = stackJson('secrets');
    const policies = Object.values(secrets.resource.aws_iam_role_policy) as { role: string; policy: string }[];
    for (const stack of ref.awsRelays) {
      for (const relay of stack.relays) {
        const grant = policies.find((p) => p.role === relay.roleName);
        expect(grant).toBeDefined();
        const statements = JSON.parse(grant!.policy).Statement;
        expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secretsmanager:eu-central-1:123456789012:secret:derp/*'] });
      }
      expect(stackJson(stack.node.id).resource.aws_iam_role_policy).toBeUndefined();
    }
  });

  test('no secret value anywhere: no tailnet key literal, no key in an output', () => {
    for (const id of ALL_STACKS) {
      const text = fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8');
      expect(text).not.toMatch(/tskey-[a-z]+-[A-Za-z0-9]/);
      expect(JSON.stringify(stackJson(id).output ?? {})).not.toMatch(/tailnet_key|secret_string|auth[-_]?key/i);
    }
  });
});

describeWithTerraform('reference AWS stacks with real terraform (offline)', (setup) => {
  test.each(AWS_STACKS)('%s: init, validate and plan succeed', (id) => {
    const plan = planOffline(setup(), path.join(outdir, 'stacks', id));
    expect(plan.resource_changes.length).toBeGreaterThan(0);
    expect(plan.resource_changes.every((c: { change: { actions: string[] } }) => c.change.actions.join() === 'create')).toBe(true);
  }, 180000);
});
