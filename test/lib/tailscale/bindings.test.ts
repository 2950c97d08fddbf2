import * as fs from 'fs';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails } from '../../../aspects/guardrails';
import { TailscaleAcl, TailscaleDeviceKey, TailscaleProvider, TailscaleTailnetKey, TailscaleTailnetSettings } from '../../../lib/tailscale';
import { checkStack } from '../../../aspects/check-stack';
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

  test('tailscale_tailnet_settings and tailscale_device_key: attributes in snake_case, unset ones left out', () => {
    const tf = synthJson((stack) => {
      new TailscaleProvider(stack, 'tailscale');
      new TailscaleTailnetSettings(stack, 'settings', { devicesApprovalOn: true, usersApprovalOn: true, devicesKeyDurationDays: 90 });
      new TailscaleDeviceKey(stack, 'server', { deviceId: 'nodeidCNTRL', keyExpiryDisabled: false });
    });
    expect(tf.resource.tailscale_tailnet_settings.settings).toMatchObject({
      devices_approval_on: true,
      users_approval_on: true,
      devices_key_duration_days: 90,
    });
    expect(tf.resource.tailscale_tailnet_settings.settings).not.toHaveProperty('https_enabled');
    expect(tf.resource.tailscale_device_key.server).toMatchObject({ device_id: 'nodeidCNTRL', key_expiry_disabled: false });
  });

  test('the guardrails judge them: no device approval, or a key that never expires, is refused', () => {
    const stack = new TerraformStack(testApp(), 'main');
    new TailscaleProvider(stack, 'tailscale');
    new TailscaleTailnetSettings(stack, 'settings', { devicesApprovalOn: false, usersApprovalOn: true });
    new TailscaleDeviceKey(stack, 'server', { deviceId: 'nodeidCNTRL', keyExpiryDisabled: true });
    const found = checkStack(stack, { profile: 'strict' }).violations.map((v) => `${v.ruleId} ${v.address}`);
    expect(found).toEqual(
      expect.arrayContaining(['tailnet-device-approval tailscale_tailnet_settings.settings', 'tailnet-device-key-expiry tailscale_device_key.server']),
    );
    expect(found).not.toContain('tailnet-user-approval tailscale_tailnet_settings.settings');
  });

  test('HCL rendering (toHclTerraform) has the same attributes', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    new TailscaleProvider(stack, 'tailscale', { tailnet: 'example.org' });
    new TailscaleTailnetKey(stack, 'boot', { preauthorized: true, tags: ['tag:derp'], expiry: 600 });
    new TailscaleAcl(stack, 'policy', { acl: '{}', overwriteExistingContent: false });
    new TailscaleTailnetSettings(stack, 'settings', { devicesApprovalOn: true, devicesKeyDurationDays: 30 });
    new TailscaleDeviceKey(stack, 'server', { deviceId: 'nodeidCNTRL', keyExpiryDisabled: false });
    const hcl: string = stack.toHclTerraform().hcl;
    expect(hcl).toMatch(/devices_approval_on\s*=\s*true/);
    expect(hcl).toMatch(/devices_key_duration_days\s*=\s*30/);
    expect(hcl).toMatch(/device_id\s*=\s*"nodeidCNTRL"/);
    expect(hcl).toMatch(/resource "tailscale_tailnet_key" "boot"/);
    expect(hcl).toMatch(/preauthorized\s*=\s*true/);
    expect(hcl).toMatch(/expiry\s*=\s*600/);
    expect(hcl).toMatch(/overwrite_existing_content\s*=\s*false/);
    expect(hcl).toMatch(/tailnet\s*=\s*"example.org"/);
    expect(hcl).toMatch(/source\s*=\s*"tailscale\/tailscale"/);
  });
});
