import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Token } from 'cdktf';
import { synthClean } from '../tailnet/clean-synth';
import { SecretStore, SecretStoreError, patternMatches, secretArnPattern } from '../../../lib/secrets';
import { TailnetPolicy } from '../../../lib/tailnet';
import { stackFile, testApp } from '../../helpers/app';
import { ACCOUNT, OPERATOR_ARN, REGION, referenceStore, secretsStack } from './helpers';

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

  test('key policy: a literal document; the account only administers; writers generate data keys and readers decrypt, each only through Secrets Manager, only for their secrets', () => {
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
    expect(admin.Action.some((a: string) => /Decrypt|Encrypt|GenerateDataKey|ReEncrypt|DisableKeyRotation|DisableKey$/.test(a))).toBe(false);
    expect(admin.Condition).toBeUndefined();
    const arn = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`;
    const summary = usage.map((s: any) => [
      s.Condition.ArnLike['aws:PrincipalArn'][0].split(':role/')[1],
      s.Action,
      s.Condition.StringLike['kms:EncryptionContext:SecretARN'],
    ]);
    expect(summary).toEqual([
      ['ci-deploy', ['kms:GenerateDataKey'], [arn('derp/mesh-key-??????')]],
      ['operators/secrets-operator', ['kms:GenerateDataKey'], [arn('derp/mesh-key-??????'), arn('dev/api-token-??????')]],
      ['derp-relay', ['kms:Decrypt'], [arn('derp/mesh-key-??????')]],
      ['infra-admin', ['kms:Decrypt'], [arn('dev/*')]],
      ['infra-admin', ['kms:GenerateDataKey'], [arn('dev/*')]],
    ]);
    for (const s of usage) {
      expect(s.Condition.StringEquals).toEqual({ 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com`, 'kms:CallerAccount': ACCOUNT });
    }
    // A role given by name matches that role under any path; a role given by ARN only itself.
    expect(usage[0].Condition.ArnLike['aws:PrincipalArn']).toEqual([`arn:aws:iam::${ACCOUNT}:role/ci-deploy`, `arn:aws:iam::${ACCOUNT}:role/*/ci-deploy`]);
    expect(usage[1].Condition.ArnLike['aws:PrincipalArn']).toEqual([OPERATOR_ARN]);
    // Nobody may decrypt what they may not read: no reader of dev/api-token but infra-admin (dev/*).
    expect(
      usage.filter((s: any) => s.Action.includes('kms:Decrypt')).flatMap((s: any) => s.Condition.StringLike['kms:EncryptionContext:SecretARN']),
    ).not.toContain(arn('dev/api-token-??????'));
  });

  test('secrets: encrypted with the store key, 30-day recovery window, no value in Terraform', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const secrets = Object.values(tf.resource.aws_secretsmanager_secret) as any[];
    expect(secrets.map((s) => s.name).sort()).toEqual(['derp/mesh-key', 'dev/api-token']);
    const keyName = Object.keys(tf.resource.aws_kms_key)[0];
    for (const s of secrets) {
      expect(s.kms_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
      expect(s.recovery_window_in_days).toBe(30);
    }
    expect(tf.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(tf.data).toBeUndefined();
  });

  test('IAM: one policy per role, exactly its secrets and actions; the key only through Secrets Manager and only for those secrets', () => {
    const { tf } = synth((stack) => referenceStore(stack));
    const policies = Object.values(tf.resource.aws_iam_role_policy) as any[];
    expect(policies.map((p) => p.role)).toEqual(['ci-deploy', 'secrets-operator', 'derp-relay', 'infra-admin']);
    const byRole = Object.fromEntries(policies.map((p) => [p.role, JSON.parse(p.policy)]));
    for (const p of policies) expect(p.policy).not.toMatch(/\$\{/);
    const arn = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`;
    const keyStatement = (sid: string, action: string, arns: string[]) => ({
      Sid: sid,
      Effect: 'Allow',
      Action: [action],
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
      Condition: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` },
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/secret-store/secrets/store' },
        StringLike: { 'kms:EncryptionContext:SecretARN': arns },
      },
    });
    expect(byRole['derp-relay'].Statement).toEqual([
      { Sid: 'Secrets0', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [arn('derp/mesh-key-??????')] },
      keyStatement('StoreKeyDecryptThroughSecretsManager', 'kms:Decrypt', [arn('derp/mesh-key-??????')]),
    ]);
    expect(byRole['ci-deploy'].Statement).toEqual([
      { Sid: 'Secrets0', Effect: 'Allow', Action: ['secretsmanager:PutSecretValue'], Resource: [arn('derp/mesh-key-??????')] },
      keyStatement('StoreKeyGenerateDataKeyThroughSecretsManager', 'kms:GenerateDataKey', [arn('derp/mesh-key-??????')]),
    ]);
    expect(byRole['secrets-operator'].Statement.map((s: any) => s.Resource)).toEqual([
      [arn('derp/mesh-key-??????')],
      [arn('dev/api-token-??????')],
      `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
    ]);
    expect(byRole['infra-admin'].Statement[0].Action.sort()).toEqual(
      [
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
        'secretsmanager:DescribeSecret',
        'secretsmanager:ListSecretVersionIds',
        'secretsmanager:UpdateSecretVersionStage',
        'secretsmanager:DeleteSecret',
      ].sort(),
    );
    for (const p of Object.values(byRole) as any[]) {
      for (const s of p.Statement) {
        expect(s.Action).not.toContain('*');
        expect(s.Resource).not.toBe('*');
      }
    }
  });

  test('with a declared setec server, the tailnet grants come from the same writers, readers and grants', () => {
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
      { src: ['tag:derp'], dst: ['tag:setec'], ip: ['tcp:443'], app: { 'tailscale.com/cap/secrets': [{ action: ['get'], secret: ['derp/mesh-key'] }] } },
      {
        src: ['group:infra'],
        dst: ['tag:setec'],
        ip: ['tcp:443'],
        app: { 'tailscale.com/cap/secrets': [{ action: ['get', 'put', 'info', 'activate', 'delete'], secret: ['dev/*'] }] },
      },
    ]);
  });

  test('without a setec server no tailnet grant is emitted, even with a tailnet policy, and a tailnet-only grant is refused', () => {
    const app = testApp();
    const stack = secretsStack(app);
    const policy = new TailnetPolicy(stack, 'policy', { tagOwners: { 'tag:derp': ['autogroup:admin'] } });
    const store = new SecretStore(stack, 'store', {
      accountId: ACCOUNT,
      region: REGION,
      tailnetPolicy: policy,
      secrets: [{ name: 'derp/mesh-key', writers: ['ci-deploy'] }],
    });
    const g = store.grant({ tailnet: 'tag:derp', iamRole: 'derp-relay' }, { actions: ['get'], secrets: ['derp/mesh-key'] });
    expect(g.tailnetGrant).toBeUndefined();
    expect(() => store.grant({ tailnet: 'group:infra' }, { actions: ['put'], secrets: ['derp/*'] })).toThrow(
      /grant\('group:infra'\)\.principal .* grants nothing: it has no iamRole, and without a setec server \(props\.setecServerTag\)/,
    );
    synthClean(app);
    const doc = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'secrets', 'tailnet-policy.json'), 'utf8'));
    expect(doc.grants ?? []).toEqual([]);
  });

  test('a setec grant without network access carries the capability only', () => {
    const { tf } = synth((stack) => {
      const store = new SecretStore(stack, 'store', {
        accountId: ACCOUNT,
        region: REGION,
        setecServerTag: 'tag:setec',
        grantNetworkAccessToSetec: false,
        secrets: [{ name: 'derp/mesh-key', writers: ['ci-deploy'] }],
      });
      const g = store.grant({ tailnet: 'alice@example.com' }, { actions: ['info'], secrets: ['derp/mesh-key'] });
      expect(g.tailnetGrant).toEqual({
        src: ['alice@example.com'],
        dst: ['tag:setec'],
        app: { 'tailscale.com/cap/secrets': [{ action: ['info'], secret: ['derp/mesh-key'] }] },
      });
      expect(g.iamPolicy).toBeUndefined();
    });
    // Only the writer's role policy; the tailnet-only grant makes no IAM policy and no key usage.
    expect(Object.values(tf.resource.aws_iam_role_policy).map((p: any) => p.role)).toEqual(['ci-deploy']);
    expect(JSON.parse(only(tf.resource.aws_kms_key).policy).Statement).toHaveLength(2);
  });

  test('synth refuses a secret nobody can write, naming the store, the secret and the prop', () => {
    const app = testApp();
    const store = new SecretStore(secretsStack(app), 'store', {
      accountId: ACCOUNT,
      region: REGION,
      secrets: [
        { name: 'derp/mesh-key', readers: ['derp-relay'] },
        { name: 'dev/x', writers: ['ci-deploy'] },
      ],
    });
    store.addSecret('monitoring/webhook-token', { readers: ['monitoring'] });
    // A reader-only grant does not make a writer.
    store.grant({ iamRole: 'infra-admin' }, { actions: ['get', 'info'], secrets: ['monitoring/*'] });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/SecretStore 'secrets\/store': props\.secrets\[0\]\.writers "derp\/mesh-key" names no IAM role that can write the secret/);
    expect(message).toMatch(/SecretStore 'secrets\/store': addSecret\('monitoring\/webhook-token'\)\.writers "monitoring\/webhook-token" names no IAM role/);
    expect(message).not.toMatch(/"dev\/x"/);
  });

  test('a put grant by pattern counts as a writer', () => {
    synth((stack) => {
      const store = new SecretStore(stack, 'store', { accountId: ACCOUNT, region: REGION, secrets: ['derp/mesh-key', 'derp/other'] });
      store.grant({ iamRole: `arn:aws:iam::${ACCOUNT}:role/ci` }, { actions: ['put'], secrets: ['derp/*'] });
      expect(store.iamRolesAllowed('put', 'derp/other')).toEqual([`arn:aws:iam::${ACCOUNT}:role/ci`]);
      expect(store.iamRolesAllowed('get', 'derp/other')).toEqual([]);
    });
  });

  test('secretReference: plain ARN pattern and key alias ARN, no token', () => {
    const app = testApp();
    const store = referenceStore(secretsStack(app));
    expect(store.secretReference('derp/mesh-key')).toEqual({
      name: 'derp/mesh-key',
      arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/mesh-key-??????`,
      region: REGION,
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/secret-store/secrets/store`,
    });
    expect(() => store.secretReference('derp/other')).toThrow(
      /secretReference\('derp\/other'\) "derp\/other" is not a secret of this store \(known: derp\/mesh-key, dev\/api-token\)/,
    );
  });

  test.each([
    [
      'an unknown action',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['read' as any], secrets: ['derp/*'] }),
      /grant\('tag:derp'\)\.options\.actions\[0\] "read" is not a setec action/,
    ],
    [
      'no actions',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: [], secrets: ['derp/*'] }),
      /options\.actions \[\] must list at least one action/,
    ],
    [
      'no patterns',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: [] }),
      /options\.secrets \[\] must list at least one secret/,
    ],
    [
      'an empty pattern',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: [''] }),
      /options\.secrets\[0\] "" must be a non-empty string/,
    ],
    [
      'a pattern matching everything',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['*'] }),
      /options\.secrets\[0\] "\*" must start with a literal prefix/,
    ],
    [
      'a pattern with a leading slash',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['/derp/*'] }),
      /must not start with '\/'/,
    ],
    [
      'a pattern with an empty segment',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['derp//*'] }),
      /empty path segments/,
    ],
    ['a pattern with a bad character', (s: SecretStore) => s.grant({ tailnet: 'tag:derp' }, { actions: ['get'], secrets: ['derp/?'] }), /may only contain/],
    [
      'a tailnet principal that is not an identity',
      (s: SecretStore) => s.grant({ tailnet: 'derp' }, { actions: ['get'], secrets: ['derp/*'] }),
      /principal\.tailnet "derp" must be a tailnet identity/,
    ],
    [
      'an IAM role name with a path',
      (s: SecretStore) => s.grant({ tailnet: 'tag:derp', iamRoleName: 'x/derp' }, { actions: ['get'], secrets: ['derp/*'] }),
      /principal\.iamRoleName "x\/derp"/,
    ],
    [
      'a role of another account',
      (s: SecretStore) => s.grant({ iamRole: 'arn:aws:iam::210987654321:role/ci' }, { actions: ['put'], secrets: ['derp/*'] }),
      /principal\.iamRole "arn:aws:iam::210987654321:role\/ci" is a role of account 210987654321/,
    ],
    [
      'an ARN that is not a role',
      (s: SecretStore) => s.grant({ iamRole: `arn:aws:iam::${ACCOUNT}:user/alice` }, { actions: ['put'], secrets: ['derp/*'] }),
      /must be a role ARN/,
    ],
    [
      'a principal with nothing',
      (s: SecretStore) => s.grant({}, { actions: ['get'], secrets: ['derp/*'] }),
      /grant\(\?\)\.principal \{\} must name an iamRole or a tailnet identity/,
    ],
    [
      'both iamRole and iamRoleName',
      (s: SecretStore) => s.grant({ iamRole: 'a', iamRoleName: 'b' }, { actions: ['get'], secrets: ['derp/*'] }),
      /iamRoleName "b" must not be set together with iamRole/,
    ],
    [
      'one role spelled two ways',
      (s: SecretStore) => {
        s.grant({ iamRole: 'ci' }, { actions: ['put'], secrets: ['derp/*'] });
        s.grant({ iamRole: `arn:aws:iam::${ACCOUNT}:role/x/ci` }, { actions: ['get'], secrets: ['derp/*'] });
      },
      /names the role 'ci' differently/,
    ],
    [
      'a writer that is not a role',
      (s: SecretStore) => s.addSecret('derp/x', { writers: ['not a role'] }),
      /addSecret\('derp\/x'\)\.writers\[0\]\.principal\.iamRole "not a role" must be an IAM role name/,
    ],
    [
      'a reader token',
      (s: SecretStore) => s.addSecret('derp/y', { readers: [Token.asString({ Ref: 'x' })] }),
      /readers\[0\]\.principal\.iamRole .* must be a literal/,
    ],
    ['a duplicate secret', (s: SecretStore) => s.addSecret('derp/mesh-key'), /addSecret\('derp\/mesh-key'\) "derp\/mesh-key" is already a secret/],
    ['a name with a leading slash', (s: SecretStore) => s.addSecret('/derp/x'), /must not start with '\/'/],
    ['a name with an empty segment', (s: SecretStore) => s.addSecret('derp//x'), /empty path segments/],
    ['a name that looks like an ARN suffix', (s: SecretStore) => s.addSecret('derp/key-abcdef'), /six characters/],
    ['a name with a space', (s: SecretStore) => s.addSecret('derp/a key'), /may only contain/],
  ])('refuses %s, naming the construct and the prop', (_name, act, message) => {
    const app = testApp();
    const store = new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: REGION, secrets: ['derp/mesh-key'] });
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
    [{ terraformRole: 'arn:aws:iam::210987654321:role/ci' }, /props\.terraformRole .* is a role of account/],
    [{ secrets: ['ok', 'derp/'] }, /props\.secrets\[1\] "derp\/"/],
  ])('refuses bad props %p', (override, message) => {
    const app = testApp();
    expect(() => new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: REGION, ...override })).toThrow(message);
  });

  test("a region that differs from the provider's is refused at synth", () => {
    const app = testApp();
    new SecretStore(secretsStack(app), 'store', { accountId: ACCOUNT, region: 'eu-west-1' });
    expect(() => app.synth()).toThrow(/props\.region "eu-west-1" differs from the AWS provider's region 'eu-central-1'/);
  });

  test('ARN patterns and setec matching agree', () => {
    const where = { accountId: ACCOUNT, region: REGION };
    expect(secretArnPattern(where, 'derp/mesh-key')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/mesh-key-??????`);
    expect(secretArnPattern(where, 'derp/*')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:derp/*`);
    expect(secretArnPattern(where, 'dev/*/token')).toBe(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:dev/*/token-??????`);
    expect(patternMatches('derp/*', 'derp/mesh-key')).toBe(true);
    expect(patternMatches('derp/*', 'derp/a/b')).toBe(true);
    expect(patternMatches('derp/*', 'dev/x')).toBe(false);
    expect(patternMatches('derp/mesh-key', 'derp/mesh-key')).toBe(true);
    expect(patternMatches('derp/auth.key', 'derp/authxkey')).toBe(false);
  });
});
