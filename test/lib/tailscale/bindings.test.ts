import * as fs from 'fs';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails } from '../../../aspects/guardrails';
import { TailscaleAcl, TailscaleProvider, TailscaleTailnetKey } from '../../../lib/tailscale';
import { stackFile, testApp } from '../../helpers/app';

function synthJson(build: (stack: TerraformStack) => void): any {
  const app = testApp();
  const stack = new TerraformStack(app, 'main');
  build(stack);
  Guardrails.enforce(app, { profile: 'strict' });
  app.synth();
  return JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
}

describe('tailscale provider binding', () => {
  test('pins tailscale/tailscale exactly and writes the provider block', () => {
    const tf = synthJson((stack) => {
      const secret = new TerraformVariable(stack, 'oauth_secret', { type: 'string', sensitive: true });
      new TailscaleProvider(stack, 'tailscale', { oauthClientId: 'kXyz', oauthClientSecret: secret.stringValue, scopes: ['policy_file'] });
    });
    expect(tf.terraform.required_providers.tailscale).toEqual({ source: 'tailscale/tailscale', version: '0.29.2' });
    expect(tf.provider.tailscale).toEqual([{ oauth_client_id: 'kXyz', oauth_client_secret: '${var.oauth_secret}', scopes: ['policy_file'] }]);
  });

  test('refuses a literal credential (it would sit in plain text in cdk.tf.json)', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    expect(() => new TailscaleProvider(stack, 'a', { apiKey: 'tskey-api-abc' })).toThrow(/TailscaleProvider 'main\/a': config\.apiKey is a literal string/);
    expect(() => new TailscaleProvider(stack, 'b', { oauthClientId: 'x', oauthClientSecret: 'tskey-client-abc' })).toThrow(
      /config\.oauthClientSecret is a literal/,
    );
  });

  test('an aliased provider is referenced by the resources given it', () => {
    const tf = synthJson((stack) => {
      const second = new TailscaleProvider(stack, 'other', { alias: 'other', tailnet: 'example.org' });
      new TailscaleAcl(stack, 'acl', { acl: '{}', provider: second });
    });
    expect(tf.provider.tailscale).toEqual([{ alias: 'other', tailnet: 'example.org' }]);
    expect(tf.resource.tailscale_acl.acl.provider).toBe('tailscale.other');
  });
});

describe('tailscale resource bindings', () => {
  test('tailscale_tailnet_key: attributes in snake_case, key only as a reference', () => {
    let key!: TailscaleTailnetKey;
    const tf = synthJson((stack) => {
      new TailscaleProvider(stack, 'tailscale');
      key = new TailscaleTailnetKey(stack, 'boot', {
        reusable: false,
        ephemeral: false,
        preauthorized: true,
        expiry: 3600,
        tags: ['tag:derp'],
        description: 'derp relay boot key',
        recreateIfInvalid: 'never',
      });
      new TerraformOutput(stack, 'expires', { value: key.expiresAt });
    });
    expect(tf.resource.tailscale_tailnet_key.boot).toMatchObject({
      reusable: false,
      ephemeral: false,
      preauthorized: true,
      expiry: 3600,
      tags: ['tag:derp'],
      description: 'derp relay boot key',
      recreate_if_invalid: 'never',
    });
    expect(tf.output.expires.value).toBe('${tailscale_tailnet_key.boot.expires_at}');
    expect(key.key).toMatch(/TfToken/);
  });

  test('tailscale_tailnet_key: refuses bad tags, expiry and description', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    expect(() => new TailscaleTailnetKey(stack, 'a', { tags: ['derp'] })).toThrow(/TailscaleTailnetKey 'main\/a': config\.tags\[0\] "derp"/);
    expect(() => new TailscaleTailnetKey(stack, 'b', { expiry: -1 })).toThrow(/config\.expiry -1/);
    expect(() => new TailscaleTailnetKey(stack, 'c', { description: 'x'.repeat(51) })).toThrow(/config\.description/);
  });

  test('tailscale_acl: acl and overwrite_existing_content', () => {
    const tf = synthJson((stack) => {
      new TailscaleProvider(stack, 'tailscale');
      new TailscaleAcl(stack, 'policy', { acl: '{"acls":[]}', overwriteExistingContent: false });
    });
    expect(tf.resource.tailscale_acl.policy).toMatchObject({ acl: '{"acls":[]}', overwrite_existing_content: false });
  });

  test('HCL rendering (toHclTerraform) has the same attributes', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    new TailscaleProvider(stack, 'tailscale', { tailnet: 'example.org' });
    new TailscaleTailnetKey(stack, 'boot', { preauthorized: true, tags: ['tag:derp'], expiry: 600 });
    new TailscaleAcl(stack, 'policy', { acl: '{}', overwriteExistingContent: false });
    const hcl: string = stack.toHclTerraform().hcl;
    expect(hcl).toMatch(/resource "tailscale_tailnet_key" "boot"/);
    expect(hcl).toMatch(/preauthorized\s*=\s*true/);
    expect(hcl).toMatch(/expiry\s*=\s*600/);
    expect(hcl).toMatch(/overwrite_existing_content\s*=\s*false/);
    expect(hcl).toMatch(/tailnet\s*=\s*"example.org"/);
    expect(hcl).toMatch(/source\s*=\s*"tailscale\/tailscale"/);
  });
});
