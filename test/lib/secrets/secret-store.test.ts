import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { synthClean } from '../tailnet/clean-synth';
import { SecretStore, SecretStoreError, patternMatches, secretArnPattern } from '../../../lib/secrets';
import { TailnetPolicy } from '../../../lib/tailnet';
import { stackFile, testApp } from '../../helpers/app';
import { ACCOUNT, REGION, referenceStore, secretsStack } from './helpers';

function synth(build: (stack: TerraformStack) => void): { tf: any; app: App } {
  const app = testApp();
  build(secretsStack(app));
  synthClean(app);
  return { tf: JSON.parse(fs.readFileSync(stackFile(app, 'secrets'), 'utf8')), app };
}

const only = (o: Record<string, any>) => {
  const values = Object.values(o);
  expect(values).toHaveLength(1);
  return values[0];
};

describe('SecretStore', () => {
  test('passes every guardrail (strict, no suppression)', () => {
    synth((stack) => referenceStore(stack));
  });

  test('one customer-managed key: rotation on, 30-day deletion window, symmetric, single-region', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const key = only(tf.resource.aws_kms_key);
    expect(key).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      rotation_period_in_days: 365,
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      key_usage: 'ENCRYPT_DECRYPT',
      multi_region: false,
      bypass_policy_lockout_safety_check: false,
    });
    expect(only(tf.resource.aws_kms_alias).name).toBe('alias/secret-store/secrets/store');
  });

  test('key policy: a literal document, no wildcard principal, the account only administers, roles decrypt only through Secrets Manager', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const key = only(tf.resource.aws_kms_key);
    expect(key.policy).not.toMatch(/\$\{/);
    const policy = JSON.parse(key.policy);
    const root = `arn:aws:iam::${ACCOUNT}:root`;
    for (const s of policy.Statement) {
      expect(s.Effect).toBe('Allow');
      expect(s.Principal).toEqual({ AWS: root });
      for (const a of s.Action) expect(a).not.toMatch(/\*/);
    }
    const [admin, ...usage] = policy.Statement;
    expect(admin.Action).not.toEqual(expect.arrayContaining(['kms:Decrypt']));
    expect(admin.Action.some((a: string) => /Decrypt|Encrypt|GenerateDataKey|ReEncrypt|DisableKeyRotation|DisableKey$/.test(a))).toBe(false);
    expect(admin.Condition).toBeUndefined();
    // group:infra (get+put) and tag:derp (get): one usage statement each, scoped to role and secrets.
    expect(usage).toHaveLength(2);
    expect(usage[0].Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(usage[1].Action).toEqual(['kms:Decrypt']);
    for (const s of usage) {
      expect(s.Condition.StringEquals).toEqual({ 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com`, 'kms:CallerAccount': ACCOUNT });
    }
    expect(usage[1].Condition.ArnLike['aws:PrincipalArn']).toEqual([`arn:aws:iam::${ACCOUNT}:role/derp-relay`, `arn:aws:iam::${ACCOUNT}:role/*/derp-relay`]);
    expect(usage[1].Condition.StringLike['kms:EncryptionContext:SecretARN']).toEqual([`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`]);
  });

  test('secrets: encrypted with the store key, 30-day recovery window, no value in Terraform', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const secrets = Object.values(tf.resource.aws_secretsmanager_secret) as any[];
    expect(secrets.map((s) => s.name).sort()).toEqual(['derp/auth-key', 'dev/api-token']);
    const keyName = Object.keys(tf.resource.aws_kms_key)[0];
    for (const s of secrets) {
      expect(s.kms_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
      expect(s.recovery_window_in_days).toBe(30);
    }
    expect(tf.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(tf.data).toBeUndefined();
  });

  test('IAM policies: exactly the granted secrets and actions; the key only through Secrets Manager', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const policies = Object.values(tf.resource.aws_iam_role_policy) as any[];
    expect(policies.map((p) => p.role)).toEqual(['infra-admin', 'derp-relay']);
    const infra = JSON.parse(policies[0].policy);
    const derp = JSON.parse(policies[1].policy);
    expect(policies[1].policy).not.toMatch(/\$\{/);

    expect(derp.Statement[0]).toEqual({
      Sid: 'SecretsByName',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`],
    });
    expect(derp.Statement[1]).toEqual({
      Sid: 'StoreKeyThroughSecretsManager',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
      Condition: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` },
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/secret-store/secrets/store' },
        StringLike: { 'kms:EncryptionContext:SecretARN': [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`] },
      },
    });
    expect(infra.Statement[0].Action.sort()).toEqual(
      [
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
        'secretsmanager:DescribeSecret',
        'secretsmanager:ListSecretVersionIds',
        'secretsmanager:UpdateSecretVersionStage',
        'secretsmanager:DeleteSecret',
      ].sort(),
    );
    expect(infra.Statement[0].Resource).toEqual([`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:dev/*`, `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`]);
    expect(infra.Statement[1].Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    for (const p of [infra, derp]) {
      for (const s of p.Statement) {
        expect(s.Action).not.toContain('*');
        expect(s.Resource).not.toBe('*');
      }
    }
  });

  test('the tailnet grants reproduce the setec grants exactly', () => {
    const app = testApp();
    const stack = secretsStack(app);
    const policy = new TailnetPolicy(stack, 'policy', {
      groups: { 'group:infra': ['alice@example.com'] },
      tagOwners: { 'tag:derp': ['group:infra'], 'tag:setec': ['group:infra'] },
    });
    referenceStore(stack, policy);
    synthClean(app);
    const doc = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'secrets', 'tailnet-policy.json'), 'utf8'));
    expect(doc.grants).toEqual([
      {
        src: ['group:infra'],
        dst: ['tag:setec'],
        ip: ['tcp:443'],
        app: { 'tailscale.com/cap/secrets': [{ action: ['get', 'put', 'info', 'activate', 'delete'], secret: ['dev/*', 'derp/*'] }] },
      },
      { src: ['tag:derp'], dst: ['tag:setec'], ip: ['tcp:443'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'], secret: ['derp/*'] }] } },
    ]);
  });

  test('a tailnet-only grant makes no IAM policy and no key usage', () => {
    const { tf } = synth((stack) => {
      const store = new SecretStore(stack, 'store', { accountId: ACCOUNT, region: REGION, secrets: ['derp/auth-key'], grantNetworkAccessToSetec: false });
      const g = store.grant({ tailnet: 'alice@example.com' }, { actions: ['info'], secrets: ['derp/auth-key'] });
      expect(g.tailnetGrant.ip).toBeUndefined();
    });
    expect(tf.resource.aws_iam_role_policy).toBeUndefined();
    expect(JSON.parse(only(tf.resource.aws_kms_key).policy).Statement).toHaveLength(1);
  });

  test('secretReference: plain ARN pattern and key alias ARN, no token', () => {
    const app = testApp();
    const store = referenceStore(secretsStack(app));
    expect(store.secretReference('derp/auth-key')).toEqual({
      name: 'derp/auth-key',
      arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/auth-key-??????`,
      region: REGION,
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/secret-store/secrets/store`,
    });
    expect(() => store.secretReference('derp/other')).toThrow(/secretReference\('derp\/other'\) "derp\/other" is not a secret of this store \(known: derp\/auth-key, dev\/api-token\)/);
  });

  test.each([
    ['an unknown action', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['read' as any], secrets: ['derp/*'] }), /grant\('tag:derp'\)\.options\.actions\[0\] "read" is not a setec action/],
    ['no actions', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: [], secrets: ['derp/*'] }), /options\.actions \[\] must list at least one action/],
    ['no patterns', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: [] }), /options\.secrets \[\] must list at least one secret/],
    ['an empty pattern', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: [''] }), /options\.secrets\[0\] "" must be a non-empty string/],
    ['a pattern matching everything', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['*'] }), /options\.secrets\[0\] "\*" must start with a literal prefix/],
    ['a pattern with a leading slash', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['/derp/*'] }), /must not start with '\/'/],
    ['a pattern with an empty segment', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['derp//*'] }), /empty path segments/],
    ['a pattern with a bad character', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['derp/?'] }), /may only contain/],
    ['a tailnet principal that is not an identity', (s: SecretStore) => s.grant({ tailnet: 'derp' }, { actions: ['get'], secrets: ['derp/*'] }), /principal\.tailnet "derp" must be a tailnet identity/],
    ['an IAM role with a path', (s: SecretStore) => s.grant({ tailnet: 'tag:derp', iamRoleName: 'x/derp' }, { actions: ['get'], secrets: ['derp/*'] }), /principal\.iamRoleName "x\/derp"/],
    ['a duplicate secret', (s: SecretStore) => s.addSecret('derp/auth-key'), /addSecret\('derp\/auth-key'\) "derp\/auth-key" is already a secret/],
    ['a name with a leading slash', (s: SecretStore) => s.addSecret('/derp/x'), /must not start with '\/'/],
    ['a name with an empty segment', (s: SecretStore) => s.addSecret('derp//x'), /empty path segments/],
    ['a name that looks like an ARN suffix', (s: SecretStore) => s.addSecret('derp/key-abcdef'), /six characters/],
    ['a name with a space', (s: SecretStore) => s.addSecret('derp/a key'), /may only contain/],
  ])('refuses %s, naming the construct and the prop', (_name, act, message) => {
    const app = testApp();
    const store = new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: REGION, secrets: ['derp/auth-key'] });
    let error: unknown;
    try {
      act(store);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).toMatch(/^SecretStore 'secrets\/store': /);
    expect((error as Error).message).toMatch(message);
  });

  test.each([
    [{ accountId: '12345' }, /props\.accountId "12345" must be a 12-digit/],
    [{ region: 'Frankfurt' }, /props\.region "Frankfurt"/],
    [{ region: 'cn-north-1' }, /commercial partition/],
    [{ recoveryWindowInDays: 0 }, /props\.recoveryWindowInDays 0 must be a whole number of days from 7 to 30/],
    [{ keyDeletionWindowInDays: 6 }, /props\.keyDeletionWindowInDays 6/],
    [{ keyRotationPeriodInDays: 30 }, /props\.keyRotationPeriodInDays 30/],
    [{ keyAlias: 'aws/mine' }, /props\.keyAlias "aws\/mine"/],
    [{ setecServerTag: 'setec' }, /props\.setecServerTag "setec"/],
    [{ secrets: ['ok', 'derp/'] }, /props\.secrets\[1\] "derp\/"/],
  ])('refuses bad props %p', (override, message) => {
    const app = testApp();
    expect(() => new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: REGION, ...override })).toThrow(message);
  });

  test('a region that differs from the provider\'s is refused at synth', () => {
    const app = testApp();
    new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: 'eu-west-1' });
    expect(() => app.synth()).toThrow(/props\.region "eu-west-1" differs from the AWS provider's region 'eu-central-1'/);
  });

  test('ARN patterns and setec matching agree', () => {
    const where = { accountId: ACCOUNT, region: REGION };
    expect(secretArnPattern(where, 'derp/auth-key')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/auth-key-??????`);
    expect(secretArnPattern(where, 'derp/*')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`);
    expect(secretArnPattern(where, 'dev/*/token')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:dev/*/token-??????`);
    expect(patternMatches('derp/*', 'derp/auth-key')).toBe(true);
    expect(patternMatches('derp/*', 'derp/a/b')).toBe(true);
    expect(patternMatches('derp/*', 'dev/x')).toBe(false);
    expect(patternMatches('derp/auth-key', 'derp/auth-key')).toBe(true);
    expect(patternMatches('derp/auth.key', 'derp/authxkey')).toBe(false);
  });
});
