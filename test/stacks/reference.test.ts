/**
 * The main job: the reference stacks synthesize with every strict guardrail and no suppression, are wired
 * together as the issue describes, and every AWS stack passes real terraform init + validate + plan
 * offline. (The DigitalOcean and tailnet stacks use providers with no local mirror here; the secrets
 * stack's tailscale keys are planned without the tailscale provider, see planWithoutTailscale.)
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
const userDataText = (instance: { user_data_base64: string }) => gunzipSync(Buffer.from(instance.user_data_base64, 'base64')).toString('utf8');
const bootValue = (text: string, name: string) => new RegExp(`${name}='([^']*)'`).exec(text)?.[1];
const arn = (name: string) => `arn:aws:secretsmanager:eu-central-1:123456789012:secret:${name}-??????`;

/**
 * A copy of a stack without the tailscale provider (no local mirror of it here): its tailnet keys removed and
 * each secret version's value, a reference to one, replaced by a placeholder. Everything AWS is planned as is.
 */
function withoutTailscale(stackDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-tailscale-'));
  fs.cpSync(stackDir, dir, { recursive: true });
  const file = path.join(dir, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete json.provider.tailscale;
  delete json.terraform.required_providers.tailscale;
  delete json.resource.tailscale_tailnet_key;
  for (const version of Object.values(json.resource.aws_secretsmanager_secret_version ?? {}) as { secret_string: string }[]) {
    expect(version.secret_string).toMatch(/^\$\{tailscale_tailnet_key\.[^.]+\.key\}$/);
    version.secret_string = 'placeholder-for-the-offline-plan';
  }
  fs.writeFileSync(file, JSON.stringify(json));
  return dir;
}

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
    for (const region of Object.values(map.Regions) as { Nodes: { IPv4?: string }[] }[])
      for (const node of region.Nodes) expect(node.IPv4).toMatch(/^[0-9.]+$/);
  });

  test('the two-node region meshes: one key from the secret store, every node listed, no extra port', () => {
    const fra = stackJson('derp-aws-fra');
    const instances = Object.values(fra.resource.aws_instance) as { user_data_base64: string }[];
    expect(instances).toHaveLength(2);
    for (const instance of instances) {
      const text = userDataText(instance);
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

  test('the tailnet policy: monitoring reaches tag:derp on 9100 only; setec grants only for the people who use setec', () => {
    const policy = stackFileJson('tailnet', 'tailnet-policy.json');
    expect(policy.acls).toContainEqual({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    // Every ACL to the relays is monitoring's (its exporters, and its probes); the clients' admission is a grant.
    const toRelays = policy.acls.filter((a: { dst: string[] }) => a.dst.some((d) => d.startsWith('tag:derp:')));
    expect(toRelays.map((a: { src: string[] }) => a.src)).toEqual(toRelays.map(() => ['tag:monitoring']));
    expect(policy.acls.filter((a: { dst: string[] }) => a.dst.some((d) => d.includes(':9100')))).toEqual([
      { action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] },
    ]);
    const secretGrants = policy.grants.filter((g: { app?: object }) => g.app);
    const capabilities = secretGrants.map((g: { src: string[]; app: Record<string, { action: string[]; secret: string[] }[]> }) => [
      g.src,
      Object.values(g.app)[0],
    ]);
    // Nodes read their secrets from Secrets Manager with their IAM roles; no node gets a setec grant.
    expect(capabilities).toEqual([[['group:infra'], [{ action: ['get', 'put', 'info', 'activate', 'delete'], secret: ['dev/*', 'derp/*'] }]]]);
    expect(policy.tagOwners).toMatchObject({ 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'] });
    expect(stackJson('tailnet').resource.tailscale_acl).toBeDefined();
  });

  test("the tailnet policy admits the fleet's clients (derper -verify-clients) and carries tests that pass offline", () => {
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
    // Monitoring's test comes from its model, once (the stack adds none of its own).
    expect(policy.tests.filter((t: { src: string }) => t.src === 'tag:monitoring')).toEqual([
      { src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] },
    ]);
    const results = evaluatePolicyTests(policy);
    expect(describePolicyTestFailures(results)).toEqual([]);
    expect(results.every((r) => r.outcome === 'pass')).toBe(true);
    // The Terraform-managed policy is the same document.
    const acl = JSON.parse((Object.values(stackJson('tailnet').resource.tailscale_acl)[0] as { acl: string }).acl);
    expect(acl.tests).toEqual(policy.tests);
  });

  test('one Tailscale version across the fleet and its monitoring; monitoring pairs an arm64 AMI with a Graviton type', () => {
    const versions = new Set(ref.tailnet.fleet.nodes.map((n) => n.tailscaleVersion));
    expect([...versions]).toEqual([ref.tailnet.fleet.tailscaleVersion]);
    const monitoring = Object.values(stackJson('monitoring').resource.aws_instance)[0] as { instance_type: string; user_data_base64: string };
    expect(monitoring.instance_type).toBe('t4g.small');
    expect(ref.monitoring.monitoring.cloudInit.match(/TAILSCALE_VERSION='[^']*'/g)).toEqual([
      `TAILSCALE_VERSION='${ref.tailnet.fleet.tailscaleVersion}'`,
      `TAILSCALE_VERSION='${ref.tailnet.fleet.tailscaleVersion}'`,
    ]);
    expect(bootValue(userDataText(monitoring), 'TAILSCALE_VERSION')).toBe(ref.tailnet.fleet.tailscaleVersion);
  });

  /** Every AWS node: its stack, instance role, join-key node name, tags, and whether it reads the mesh key. */
  const awsNodes = () => [
    ...ref.awsRelays.flatMap((stack) =>
      stack.relays.map((relay) => ({
        stack: stack.node.id,
        role: relay.roleName,
        node: relay.derpNode.name,
        tags: relay.derpNode.tailnetTags,
        mesh: stack.relays.length > 1,
      })),
    ),
    { stack: 'monitoring', role: ref.monitoring.monitoring.roleName, node: 'derp-monitoring', tags: ['tag:monitoring'], mesh: false },
  ];

  test('each AWS node joins with its own single-use, pre-authorized, tagged key that lives at most an hour', () => {
    const secrets = stackJson('secrets');
    const keys = Object.values(secrets.resource.tailscale_tailnet_key) as any[];
    expect(keys).toHaveLength(awsNodes().length);
    for (const key of keys) {
      expect(key).toMatchObject({ reusable: false, ephemeral: false, preauthorized: true, recreate_if_invalid: 'never' });
      expect(key.expiry).toBeGreaterThan(0);
      expect(key.expiry).toBeLessThanOrEqual(3600);
    }
    for (const n of awsNodes()) {
      const joinKey = ref.secrets.joinKeys.get(n.node)!;
      expect(joinKey).toBeDefined();
      // The key's reader is the node's own role, and its tags are exactly the ones the node advertises.
      expect(joinKey.nodeRole.name).toBe(n.role);
      expect(keys).toContainEqual(expect.objectContaining({ description: `join ${n.node}`, tags: [...n.tags!] }));
      // The node's user data names its own secret and those tags; nothing else.
      const instances = Object.values(stackJson(n.stack).resource.aws_instance) as { user_data_base64: string }[];
      const texts = instances.map(userDataText).filter((t) => bootValue(t, 'AUTH_KEY_SECRET_ID') === `join-keys/${n.node}`);
      expect(texts).toHaveLength(1);
      expect(bootValue(texts[0], 'TAILSCALE_TAGS')).toBe(n.tags!.join(','));
    }
    // Each value is its own node's key, written by Terraform after its role may write it.
    const versions = Object.values(secrets.resource.aws_secretsmanager_secret_version) as any[];
    expect(new Set(versions.map((v) => v.secret_string)).size).toBe(keys.length);
    for (const v of versions) expect(v.depends_on).toHaveLength(1);
  });

  test("each AWS node's role reads exactly its own join key (and its region's mesh key when it meshes), nothing else", () => {
    const secrets = stackJson('secrets');
    const policies = Object.values(secrets.resource.aws_iam_role_policy) as { role: string; policy: string }[];
    const keyPolicy = JSON.parse((Object.values(secrets.resource.aws_kms_key)[0] as { policy: string }).policy);
    for (const n of awsNodes()) {
      const own = policies.filter((p) => p.role === n.role);
      expect(own).toHaveLength(1);
      const statements = JSON.parse(own[0].policy).Statement as any[];
      const readable = statements.filter((st) => Array.isArray(st.Action) && st.Action.includes('secretsmanager:GetSecretValue')).flatMap((st) => st.Resource);
      expect(readable).toEqual([arn(`join-keys/${n.node}`), ...(n.mesh ? [arn('derp/mesh-key')] : [])]);
      // A node writes nothing.
      expect(statements.flatMap((st) => st.Action)).toEqual(expect.not.arrayContaining(['secretsmanager:PutSecretValue', 'kms:GenerateDataKey']));
      // The key policy says the same: this role decrypts only through Secrets Manager, only for those secrets.
      const decrypts = keyPolicy.Statement.filter((st: any) => st.Condition?.ArnLike?.['aws:PrincipalArn']?.[0] === `arn:aws:iam::123456789012:role/${n.role}`);
      expect(decrypts.map((st: any) => [st.Action, st.Condition.StringLike['kms:EncryptionContext:SecretARN']])).toEqual([[['kms:Decrypt'], readable]]);
    }
    // No role but the node's own and the Terraform role reads a join key.
    const nodeRoles = new Set(awsNodes().map((n) => n.role));
    for (const p of policies) {
      const reads = (JSON.parse(p.policy).Statement as any[])
        .filter((st) => Array.isArray(st.Action) && st.Action.includes('secretsmanager:GetSecretValue'))
        .flatMap((st) => st.Resource);
      if (!nodeRoles.has(p.role) && reads.some((r: string) => r.includes(':secret:join-keys/'))) expect(p.role).toBe('terraform-apply');
    }
    // The relays' own stacks grant nothing: the store's grant is the one permission.
    for (const stack of ref.awsRelays) expect(stackJson(stack.node.id).resource.aws_iam_role_policy).toBeUndefined();
  });

  test('no shared or reusable join key anywhere: every tailnet key is single-use, every node reads a different secret', () => {
    const keys = ALL_STACKS.flatMap((id) => Object.values(stackJson(id).resource.tailscale_tailnet_key ?? {})) as any[];
    // Four AWS nodes (secrets stack) and two DigitalOcean relays (their own stack).
    expect(keys).toHaveLength(awsNodes().length + ref.digitaloceanRelays.relays.length);
    for (const key of keys) expect(key).toMatchObject({ reusable: false, preauthorized: true });
    const secretIds = AWS_STACKS.flatMap((id) => Object.values(stackJson(id).resource.aws_instance ?? {}) as { user_data_base64: string }[]).map((i) =>
      bootValue(userDataText(i), 'AUTH_KEY_SECRET_ID'),
    );
    expect(secretIds).toHaveLength(awsNodes().length);
    expect(new Set(secretIds).size).toBe(secretIds.length);
    const secretNames = (Object.values(stackJson('secrets').resource.aws_secretsmanager_secret) as { name: string }[]).map((x) => x.name).sort();
    expect(secretNames).toEqual(['derp/mesh-key', 'dev/ci-token', 'join-keys/900a', 'join-keys/900b', 'join-keys/901a', 'join-keys/derp-monitoring']);
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
  test.each(AWS_STACKS)(
    '%s: init, validate and plan succeed',
    (id) => {
      const dir = id === 'secrets' ? withoutTailscale(path.join(outdir, 'stacks', id)) : path.join(outdir, 'stacks', id);
      const plan = planOffline(setup(), dir);
      if (id === 'secrets') {
        fs.rmSync(dir, { recursive: true, force: true });
        expect(plan.resource_changes.filter((c: { type: string }) => c.type === 'aws_secretsmanager_secret_version')).toHaveLength(4);
      }
      expect(plan.resource_changes.length).toBeGreaterThan(0);
      expect(plan.resource_changes.every((c: { change: { actions: string[] } }) => c.change.actions.join() === 'create')).toBe(true);
    },
    180000,
  );
});
