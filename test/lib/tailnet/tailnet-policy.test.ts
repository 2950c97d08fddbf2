import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { synthClean } from './clean-synth';
import { TailnetPolicy, TailnetPolicyError } from '../../../lib/tailnet';
import { TailscaleProvider } from '../../../lib/tailscale';
import { awsStack, stackFile, testApp } from '../../helpers/app';

const TAGS = { owner: 'team-infra', environment: 'test' };

function policyFile(app: { outdir: string }, stack = 'main'): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'tailnet-policy.json'), 'utf8'));
}

function basePolicy(stack: TerraformStack, props: ConstructorParameters<typeof TailnetPolicy>[2] = {}): TailnetPolicy {
  return new TailnetPolicy(stack, 'policy', {
    groups: { 'group:infra': ['alice@example.com'] },
    tagOwners: { 'tag:derp': ['group:infra'], 'tag:monitoring': ['group:infra'] },
    ...props,
  });
}

describe('TailnetPolicy', () => {
  test('writes tailnet-policy.json with every section, de-duplicated, and passes every guardrail', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    const policy = basePolicy(stack);
    const acl = { action: 'accept' as const, src: ['tag:monitoring'], dst: ['tag:derp:9100'] };
    policy.addAcl(acl);
    policy.addAcl({ dst: ['tag:derp:9100'], src: ['tag:monitoring'], action: 'accept' });
    policy.addTagOwner('tag:derp', ['group:infra', 'alice@example.com']);
    policy.addGrant({ src: ['group:infra'], dst: ['tag:derp'], ip: ['tcp:443'] });
    policy.addGrant({ src: ['group:infra'], dst: ['tag:derp'], ip: ['tcp:443'] });
    synthClean(app);

    const doc = policyFile(app);
    expect(doc.acls).toEqual([acl]);
    expect(doc.grants).toHaveLength(1);
    expect(doc.tagOwners['tag:derp']).toEqual(['group:infra', 'alice@example.com']);
    expect(doc.groups).toEqual({ 'group:infra': ['alice@example.com'] });
    // No Tailscale SSH unless someone writes a rule.
    expect(doc.ssh).toEqual([]);
    expect(doc.derpMap).toBeUndefined();
    // Not managed by Terraform unless asked: no tailscale resource or provider in the stack.
    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
    expect(tf.resource?.tailscale_acl).toBeUndefined();
    expect(tf.terraform.required_providers.tailscale).toBeUndefined();
  });

  test('manageWithTerraform: a tailscale_acl with the same document and a pinned tailscale/tailscale provider', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    new TailscaleProvider(stack, 'tailscale');
    const policy = basePolicy(stack, { manageWithTerraform: true });
    policy.addAcl({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
    synthClean(app);
    const tf = JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
    expect(tf.terraform.required_providers.tailscale).toEqual({ source: 'tailscale/tailscale', version: '0.29.2' });
    const [resource] = Object.values(tf.resource.tailscale_acl) as any[];
    expect(JSON.parse(resource.acl)).toEqual(policyFile(app));
    // Never replaces a hand-edited policy without an import, unless asked.
    expect(resource.overwrite_existing_content).toBe(false);
  });

  test('manageWithTerraform without a TailscaleProvider in the stack fails at synth, naming the prop', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    basePolicy(stack, { manageWithTerraform: true });
    expect(() => app.synth()).toThrow(/TailnetPolicy 'main\/policy': props\.manageWithTerraform true needs a TailscaleProvider/);
  });

  test('with skipValidation the missing provider is still refused (when the policy file is written)', () => {
    const app = testApp({ skipValidation: true });
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    basePolicy(stack, { manageWithTerraform: true });
    expect(() => app.synth()).toThrow(/props\.manageWithTerraform true needs a TailscaleProvider/);
  });

  test('a tag used without an owner, or an undefined group, fails at synth with where it was used', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    const policy = basePolicy(stack);
    policy.addAcl({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:setec:443'] });
    expect(() => app.synth()).toThrow(/acls\[0\] "tag:setec" uses a tag with no owner/);

    const app2 = testApp();
    const p2 = basePolicy(awsStack(app2, 'main', { defaultTags: TAGS }));
    p2.addGrant({ src: ['group:ops'], dst: ['tag:derp'], ip: ['*'] });
    expect(() => app2.synth()).toThrow(/grants\[0\] "group:ops" uses a group that is not defined/);
  });

  test.each([
    ['a tag with capitals', (p: TailnetPolicy) => p.addTagOwner('tag:DERP', ['group:infra']), /addTagOwner\('tag:DERP'\) "tag:DERP" must be 'tag:'/],
    ['an empty owner list', (p: TailnetPolicy) => p.addTagOwner('tag:x', []), /must not be empty/],
    [
      'an ACL destination without a port',
      (p: TailnetPolicy) => p.addAcl({ action: 'accept', src: ['*'], dst: ['tag:derp'] }),
      /dst\[0\] "tag:derp" must be 'host:ports'/,
    ],
    ['a port out of range', (p: TailnetPolicy) => p.addAcl({ action: 'accept', src: ['*'], dst: ['tag:derp:70000'] }), /ports 1-65535/],
    ['a backwards range', (p: TailnetPolicy) => p.addAcl({ action: 'accept', src: ['*'], dst: ['tag:derp:9000-8000'] }), /runs backwards/],
    ['a non-accept action', (p: TailnetPolicy) => p.addAcl({ action: 'deny' as any, src: ['*'], dst: ['*:*'] }), /action "deny" must be 'accept'/],
    ['a grant that grants nothing', (p: TailnetPolicy) => p.addGrant({ src: ['*'], dst: ['tag:derp'] }), /grants nothing/],
    [
      'a capability with a scheme',
      (p: TailnetPolicy) => p.addGrant({ src: ['*'], dst: ['tag:derp'], app: { 'https://tailscale.com/cap/secrets': [{}] } }),
      /capability name/,
    ],
    [
      'SSH as root',
      (p: TailnetPolicy) => p.addSshRule({ action: 'accept', src: ['group:infra'], dst: ['tag:derp'], users: ['root'] }),
      /users\[0\] "root" is refused/,
    ],
    ['a source that is nothing known', (p: TailnetPolicy) => p.addAcl({ action: 'accept', src: ['monitoring'], dst: ['tag:derp:1'] }), /src\[0\] "monitoring"/],
  ])('rejects %s when it is added', (_name, add, message) => {
    const app = testApp();
    const policy = basePolicy(awsStack(app, 'main', { defaultTags: TAGS }));
    let error: unknown;
    try {
      add(policy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TailnetPolicyError);
    expect((error as Error).message).toMatch(/^TailnetPolicy 'main\/policy': /);
    expect((error as Error).message).toMatch(message);
  });

  test('accepts the destination forms Tailscale documents', () => {
    const app = testApp();
    const policy = basePolicy(awsStack(app, 'main', { defaultTags: TAGS }));
    for (const dst of [
      '*:*',
      'tag:derp:80,443',
      'tag:derp:1000-2000',
      '100.64.0.1:22',
      '10.0.0.0/8:443',
      '[fd7a:115c:a1e0::1]:22',
      'autogroup:self:*',
      'alice@example.com:22',
    ]) {
      expect(() => policy.addAcl({ action: 'accept', src: ['group:infra'], dst: [dst] })).not.toThrow();
    }
  });

  test('a second, different derpMap is refused (one tailnet, one map)', () => {
    const app = testApp();
    const policy = basePolicy(awsStack(app, 'main', { defaultTags: TAGS }));
    const map = { Regions: {} };
    policy.setDerpMap(map);
    expect(() => policy.setDerpMap(map)).not.toThrow();
    expect(() => policy.setDerpMap({ Regions: {} })).toThrow(/conflicts with the derpMap already set/);
  });

  test('refuses a file name that leaves the stack directory, and overwrite without Terraform management', () => {
    const app = testApp();
    const stack = awsStack(app, 'main', { defaultTags: TAGS });
    expect(() => new TailnetPolicy(stack, 'a', { fileName: '../x.json' })).toThrow(/props\.fileName "\.\.\/x\.json"/);
    expect(() => new TailnetPolicy(stack, 'b', { overwriteExistingPolicy: true })).toThrow(
      /props\.overwriteExistingPolicy true only applies with manageWithTerraform/,
    );
  });
});
