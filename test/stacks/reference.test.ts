/**
 * The main job: the reference stacks synthesize with every strict guardrail and no suppression, are wired
 * together as the issue describes, and every AWS stack passes real terraform init + validate + plan
 * offline. (The DigitalOcean and tailnet stacks use providers with no local mirror here.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildReferenceApp, type ReferenceApp } from '../../stacks/app';
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

  test('the derpMap has the four regions, two AWS and two DigitalOcean, by host name', () => {
    const map = stackFileJson('tailnet', 'derp-map.json');
    expect(Object.keys(map.Regions).sort()).toEqual(['900', '901', '910', '911']);
    expect(map.Regions['900'].Nodes[0]).toMatchObject({ Name: '900a', HostName: 'derp-fra1.derp.example.net', STUNPort: 3478, DERPPort: 443 });
    expect(map.Regions['911'].RegionCode).toBe('do-sfo');
  });

  test('the tailnet policy: monitoring reaches tag:derp on 9100 only; setec grants as specified', () => {
    const policy = stackFileJson('tailnet', 'tailnet-policy.json');
    expect(policy.acls).toContainEqual({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    expect(policy.acls.filter((a: { dst: string[] }) => a.dst.some((d) => d.startsWith('tag:derp:')))).toHaveLength(1);
    const secretGrants = policy.grants.filter((g: { app?: object }) => g.app);
    const capabilities = secretGrants.map((g: { src: string[]; app: Record<string, { action: string[]; secret: string[] }[]> }) => [g.src, Object.values(g.app)[0]]);
    expect(capabilities).toContainEqual([['group:infra'], [{ action: ['get', 'put', 'info', 'activate', 'delete'], secret: ['dev/*', 'derp/*'] }]]);
    expect(capabilities).toContainEqual([['tag:derp'], [{ action: ['get'], secret: ['derp/*'] }]]);
    expect(policy.tagOwners).toMatchObject({ 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'] });
    expect(stackJson('tailnet').resource.tailscale_acl).toBeDefined();
  });

  test('each AWS relay role may read exactly the derp/* secrets, through the store grant', () => {
    const secrets = stackJson('secrets');
    const policies = Object.values(secrets.resource.aws_iam_role_policy) as { role: string; policy: string }[];
    for (const stack of ref.awsRelays) {
      const grant = policies.find((p) => p.role === stack.relay.roleName);
      expect(grant).toBeDefined();
      const statements = JSON.parse(grant!.policy).Statement;
      expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['arn:aws:secretsmanager:eu-central-1:123456789012:secret:derp/*'] });
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
