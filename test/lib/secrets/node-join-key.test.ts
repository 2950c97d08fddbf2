import * as fs from 'fs';
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { MAX_JOIN_KEY_EXPIRY_SECONDS, NodeJoinKey, NodeJoinKeyError, SecretStore } from '../../../lib/secrets';
import { stackFile, testApp } from '../../helpers/app';
import { synthClean } from '../tailnet/clean-synth';
import { ACCOUNT, REGION, secretsStack } from './helpers';

function store(stack: TerraformStack, extra: Record<string, unknown> = {}): SecretStore {
  return new SecretStore(stack, 'store', { accountId: ACCOUNT, region: REGION, terraformRole: 'ci-deploy', ...extra });
}

function fleetKeys(stack: TerraformStack) {
  const s = store(stack);
  const fra = new NodeJoinKey(stack, 'join-900a', { store: s, nodeName: '900a', nodeRole: 'derp-relay-900a', tags: ['tag:derp'] });
  const iad = new NodeJoinKey(stack, 'join-901a', {
    store: s,
    nodeName: '901a',
    nodeRole: `arn:aws:iam::${ACCOUNT}:role/relays/derp-relay-901a`,
    tags: ['tag:derp'],
  });
  const mon = new NodeJoinKey(stack, 'join-monitoring', {
    store: s,
    nodeName: 'derp-monitoring',
    nodeRole: 'derp-monitoring',
    tags: ['tag:monitoring'],
    ephemeral: false,
    expirySeconds: 1800,
  });
  return { s, fra, iad, mon };
}

function synthTf(build: (stack: TerraformStack) => void): any {
  const app = testApp();
  build(secretsStack(app));
  synthClean(app);
  return JSON.parse(fs.readFileSync(stackFile(app, 'secrets'), 'utf8'));
}

describe('NodeJoinKey', () => {
  test('passes every guardrail (strict, no suppression)', () => {
    synthTf((stack) => fleetKeys(stack));
  });

  test('one single-use, pre-authorized, tagged key per node that expires within the hour and is never silently re-minted', () => {
    const tf = synthTf((stack) => fleetKeys(stack));
    const keys = Object.values(tf.resource.tailscale_tailnet_key) as any[];
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      expect(k).toMatchObject({ reusable: false, ephemeral: false, preauthorized: true, recreate_if_invalid: 'never' });
      expect(k.expiry).toBeLessThanOrEqual(3600);
    }
    expect(keys.map((k) => [k.description, k.tags, k.expiry])).toEqual([
      ['join 900a', ['tag:derp'], 3600],
      ['join 901a', ['tag:derp'], 3600],
      ['join derp-monitoring', ['tag:monitoring'], 1800],
    ]);
  });

  test("each key goes into its node's own secret, as the secret's value, and nowhere else", () => {
    const tf = synthTf((stack) => fleetKeys(stack));
    const secrets = tf.resource.aws_secretsmanager_secret;
    const versions = Object.values(tf.resource.aws_secretsmanager_secret_version) as any[];
    const keyNames = Object.keys(tf.resource.tailscale_tailnet_key);
    expect(versions).toHaveLength(3);
    versions.forEach((v, i) => {
      expect(v.secret_string).toBe(`\${tailscale_tailnet_key.${keyNames[i]}.key}`);
      const secretName = /^\$\{aws_secretsmanager_secret\.(.+)\.id\}$/.exec(v.secret_id)![1];
      expect(secrets[secretName].name).toBe(['join-keys/900a', 'join-keys/901a', 'join-keys/derp-monitoring'][i]);
    });
    expect(JSON.stringify(tf.output ?? {})).not.toContain('tailscale_tailnet_key');
    // The key appears in exactly the three versions.
    expect(JSON.stringify(tf.resource).match(/tailscale_tailnet_key\.[^.]+\.key/g)).toHaveLength(3);
  });

  test("only the node's role can read its key (and the Terraform role that wrote it); no role reads another node's key", () => {
    const tf = synthTf((stack) => fleetKeys(stack));
    const arn = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-??????`;
    const policies = Object.fromEntries((Object.values(tf.resource.aws_iam_role_policy) as any[]).map((p) => [p.role, JSON.parse(p.policy)]));
    const readable = (role: string) =>
      policies[role].Statement.filter((s: any) => Array.isArray(s.Action) && s.Action.includes('secretsmanager:GetSecretValue')).flatMap(
        (s: any) => s.Resource,
      );
    expect(readable('derp-relay-900a')).toEqual([arn('join-keys/900a')]);
    expect(readable('derp-relay-901a')).toEqual([arn('join-keys/901a')]);
    expect(readable('derp-monitoring')).toEqual([arn('join-keys/derp-monitoring')]);
    expect(readable('ci-deploy').sort()).toEqual([arn('join-keys/900a'), arn('join-keys/901a'), arn('join-keys/derp-monitoring')].sort());
    // The key policy says the same: Decrypt per node role only for its own secret.
    const keyPolicy = JSON.parse((Object.values(tf.resource.aws_kms_key)[0] as any).policy);
    const decrypts = keyPolicy.Statement.filter((s: any) => s.Action.includes('kms:Decrypt')).map((s: any) => [
      s.Condition.ArnLike['aws:PrincipalArn'][0],
      s.Condition.StringLike['kms:EncryptionContext:SecretARN'],
    ]);
    expect(decrypts).toContainEqual([`arn:aws:iam::${ACCOUNT}:role/relays/derp-relay-901a`, [arn('join-keys/901a')]]);
    expect(decrypts).toContainEqual([`arn:aws:iam::${ACCOUNT}:role/derp-relay-900a`, [arn('join-keys/900a')]]);
    const generates = keyPolicy.Statement.filter((s: any) => s.Action.includes('kms:GenerateDataKey')).map(
      (s: any) => s.Condition.ArnLike['aws:PrincipalArn'][0],
    );
    expect(generates).toEqual([`arn:aws:iam::${ACCOUNT}:role/ci-deploy`]);
  });

  test("Terraform puts each key only after its own role's policy (PutSecretValue, GenerateDataKey) exists", () => {
    const tf = synthTf((stack) => fleetKeys(stack));
    const policies = tf.resource.aws_iam_role_policy;
    const writer = Object.keys(policies).find((name) => policies[name].role === 'ci-deploy')!;
    expect(
      JSON.parse(policies[writer].policy).Statement.some((st: any) => Array.isArray(st.Action) && st.Action.includes('secretsmanager:PutSecretValue')),
    ).toBe(true);
    for (const version of Object.values(tf.resource.aws_secretsmanager_secret_version) as any[]) {
      expect(version.depends_on).toEqual([`aws_iam_role_policy.${writer}`]);
    }
  });

  test('the read grant and the reference for the node construct', () => {
    const app = testApp();
    const { fra, iad } = fleetKeys(secretsStack(app));
    expect(fra.readGrant).toMatchObject({ actions: ['get'], secrets: ['join-keys/900a'], iamRole: { name: 'derp-relay-900a' } });
    expect(iad.secretReference).toEqual({
      name: 'join-keys/901a',
      arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:join-keys/901a-??????`,
      region: REGION,
      kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/secret-store/secrets/store`,
    });
  });

  test('synth refuses a store grant that lets another role read a join key', () => {
    const app = testApp();
    const { s } = fleetKeys(secretsStack(app));
    s.grant({ iamRole: 'infra-admin' }, { actions: ['get', 'put'], secrets: ['join-keys/*'] });
    expect(() => app.synth()).toThrow(
      /NodeJoinKey 'secrets\/join-900a': props\.nodeRole "derp-relay-900a" must be the only role that reads the join key 'join-keys\/900a', but a grant of store 'secrets\/store' lets 'infra-admin' get it \(secrets \["join-keys\/\*"\]\)/,
    );
  });

  test.each([
    [
      'an expiry over an hour',
      { expirySeconds: 7200 },
      /props\.expirySeconds 7200 must be a whole number of seconds from 60 to 3600 \(a join key lives at most an hour\)/,
    ],
    ['a 90-day expiry', { expirySeconds: 90 * 86400 }, /props\.expirySeconds 7776000/],
    ['no tags', { tags: [] }, /props\.tags \[\] must list at least one tailnet tag/],
    ['a tag that is not one', { tags: ['derp'] }, /props\.tags\[0\] "derp" must be a tailnet tag/],
    ['a bad node name', { nodeName: 'Node 1' }, /props\.nodeName "Node 1"/],
    ['a node role of another account', { nodeRole: 'arn:aws:iam::210987654321:role/r' }, /props\.nodeRole .* is a role of account 210987654321/],
    ["the store's Terraform role as the node's", { nodeRole: 'ci-deploy' }, /props\.nodeRole "ci-deploy" must not be the store's terraformRole/],
    ['a bad secret name', { secretName: '/keys/x' }, /props\.secretName "\/keys\/x" must not start with '\/'/],
  ])('refuses %s, naming the construct and the prop', (_name, override, message) => {
    const app = testApp();
    const stack = secretsStack(app);
    const s = store(stack);
    let error: unknown;
    try {
      new NodeJoinKey(stack, 'join', { store: s, nodeName: '900a', nodeRole: 'derp-relay-900a', tags: ['tag:derp'], ...(override as object) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NodeJoinKeyError);
    expect((error as Error).message).toMatch(/^NodeJoinKey 'secrets\/join': /);
    expect((error as Error).message).toMatch(message);
  });

  test('refuses two nodes sharing a role, a store without terraformRole, a store in another stack, and a stack without a TailscaleProvider', () => {
    const app = testApp();
    const stack = secretsStack(app);
    const s = store(stack);
    new NodeJoinKey(stack, 'a', { store: s, nodeName: '900a', nodeRole: 'shared', tags: ['tag:derp'] });
    expect(() => new NodeJoinKey(stack, 'b', { store: s, nodeName: '900b', nodeRole: 'shared', tags: ['tag:derp'] })).toThrow(
      /props\.nodeRole "shared" is already the role of node '900a' of this store/,
    );
    const bare = new SecretStore(stack, 'bare', { accountId: ACCOUNT, region: REGION });
    expect(() => new NodeJoinKey(stack, 'c', { store: bare, nodeName: '900c', nodeRole: 'r-c', tags: ['tag:derp'] })).toThrow(
      /props\.store "secrets\/bare" has no terraformRole/,
    );
    const other = new TerraformStack(app, 'other');
    new AwsProvider(other, 'aws', { region: REGION });
    expect(() => new NodeJoinKey(other, 'd', { store: s, nodeName: '900d', nodeRole: 'r-d', tags: ['tag:derp'] })).toThrow(
      /props\.store "secrets\/store" must be in this construct's stack \('other'\)/,
    );
    const offline = new TerraformStack(app, 'no-tailscale');
    new AwsProvider(offline, 'aws', { region: REGION });
    const s2 = store(offline);
    expect(() => new NodeJoinKey(offline, 'e', { store: s2, nodeName: '900e', nodeRole: 'r-e', tags: ['tag:derp'] })).toThrow(
      /props\.tailscaleProvider null is needed/,
    );
  });

  test('the hour is the limit the construct enforces, stricter than the guardrail (a day)', () => {
    expect(MAX_JOIN_KEY_EXPIRY_SECONDS).toBe(3600);
  });
});
