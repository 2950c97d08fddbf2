/**
 * Secrets under path-like names (`derp/auth-key`) in AWS Secrets Manager, encrypted with one customer-managed
 * KMS key, and setec-style grants: `store.grant({ tailnet: 'tag:derp', iamRoleName: 'derp-relay' },
 * { actions: ['get'], secrets: ['derp/*'] })` gives the role an IAM policy for exactly those secrets and adds
 * the matching `tailscale.com/cap/secrets` grant to the tailnet policy.
 *
 * Every policy is a literal JSON string (no Terraform references inside), so the guardrails read it whole,
 * and every ARN is computed from the account, region and names, so nothing needs a data source and other
 * stacks get references (secretReference) without cross-stack outputs.
 *
 * The store creates the secrets, never their values: a value in Terraform would sit in plain text in its
 * state. Values are put with a principal granted `put` (the AWS CLI, the console, or a setec server).
 */
import { Lazy, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import type { SecretReference } from '../contracts/secret-reference';
import type { GrantRule, ITailnetPolicy } from '../contracts/tailnet-policy';
import { AUTOGROUP, GROUP, TAG, USER } from '../tailnet/syntax';
import {
  ACCOUNT_ID,
  AWS_REGION,
  IAM_ROLE_NAME,
  KEY_ALIAS,
  KMS_ACTIONS,
  SECRETS_MANAGER_ACTIONS,
  SECRET_ACTIONS,
  secretArnPattern,
  secretNameProblem,
  secretPatternProblem,
  secretsManagerEndpoint,
  type SecretAction,
} from './names';
import { ConstructConfigError } from '../errors';

/** The capability setec checks, as written in a tailnet policy grant (its API calls it https://tailscale.com/cap/secrets). */
export const SETEC_CAPABILITY = 'tailscale.com/cap/secrets';

export interface SecretSpec {
  /** Path-like name, e.g. `derp/auth-key`. */
  readonly name: string;
  /**
   * What the secret is for.
   * @default 'Managed by SecretStore <construct path>'
   */
  readonly description?: string;
}

/** Who a grant is for: the tailnet identity (for the setec grant) and optionally an IAM role (for AWS). */
export interface SecretPrincipal {
  /** Tailnet source: `group:infra`, `tag:derp`, `alice@example.com`, `autogroup:admin`. */
  readonly tailnet: string;
  /**
   * Name of an IAM role (no path) that gets an `aws_iam_role_policy` for the granted secrets.
   * @default no IAM policy: the grant is tailnet-only
   */
  readonly iamRoleName?: string;
}

export interface SecretGrantOptions {
  /** setec action words: get, put, info, activate, delete. */
  readonly actions: readonly SecretAction[];
  /** Names or patterns (`derp/*`, `dev/*`, `derp/auth-key`); `*` matches any characters, `/` included. */
  readonly secrets: readonly string[];
}

/** A grant as recorded by the store. */
export interface SecretGrantRecord {
  readonly principal: SecretPrincipal;
  readonly actions: readonly SecretAction[];
  readonly secrets: readonly string[];
  /**
   * The IAM policy attached to principal.iamRoleName.
   * @default none, for a tailnet-only grant
   */
  readonly iamPolicy?: IamRolePolicy;
  /** The tailnet grant added to the policy (also returned when the store has no tailnet policy). */
  readonly tailnetGrant: GrantRule;
}

export interface SecretStoreProps {
  /** AWS account id (12 digits) the store lives in; used to write ARNs without a data source. */
  readonly accountId: string;
  /** Region of the store (commercial partition), e.g. `eu-central-1`. Must be the region of the provider used. */
  readonly region: string;
  /**
   * Secrets to create. More with addSecret.
   * @default none
   */
  readonly secrets?: readonly (string | SecretSpec)[];
  /**
   * Days a deleted secret can still be restored (7-30).
   * @default 30
   */
  readonly recoveryWindowInDays?: number;
  /**
   * KMS alias of the store's key, without `alias/`. Must be unique in the account and region.
   * @default `secret-store/<stack id>/<construct id>` (lower-cased)
   */
  readonly keyAlias?: string;
  /**
   * Days between a key deletion request and the deletion (7-30); every secret becomes unreadable after it.
   * @default 30
   */
  readonly keyDeletionWindowInDays?: number;
  /**
   * Days between automatic key rotations (90-2560). Rotation cannot be turned off.
   * @default 365
   */
  readonly keyRotationPeriodInDays?: number;
  /**
   * Tailnet policy that receives a setec grant for every grant() call.
   * @default none: grant() returns the tailnet grant without adding it anywhere
   */
  readonly tailnetPolicy?: ITailnetPolicy;
  /**
   * Tag of the setec server the tailnet grants point at (their `dst`).
   * @default 'tag:setec'
   */
  readonly setecServerTag?: string;
  /**
   * Put `ip: ['tcp:443']` in each tailnet grant, so the grantee can also reach the setec server's HTTPS port.
   * @default true; set false if another ACL already allows it and you want the grant to carry the capability only
   */
  readonly grantNetworkAccessToSetec?: boolean;
  /**
   * AWS provider for the store's resources (its region must be `region`).
   * @default the stack's default AWS provider
   */
  readonly provider?: AwsProvider;
}

/** A store prop or grant that would be insecure or broken. Names the construct, the prop and the value. */
export class SecretStoreError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string) {
    super({ constructKind: 'SecretStore', constructPath, prop, value, reason });
    this.name = 'SecretStoreError';
  }
}

/**
 * KMS actions the account (that is, IAM principals the account allows) may use to administer the key. AWS
 * requires a key policy to let someone manage the key, or it becomes unmanageable. Deliberately absent:
 * every cryptographic action (usage is granted per role, below), kms:DisableKey and kms:DisableKeyRotation
 * (disabling the key or its rotation is not a routine change; do it by changing this list in review).
 */
export const KEY_ADMIN_ACTIONS: readonly string[] = [
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:PutKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:EnableKeyRotation',
  'kms:RotateKeyOnDemand',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateKeyDescription',
  'kms:CreateAlias',
  'kms:UpdateAlias',
  'kms:DeleteAlias',
  'kms:EnableKey',
  'kms:ListGrants',
  'kms:RevokeGrant',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

export class SecretStore extends Construct {
  public readonly accountId: string;
  public readonly region: string;
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;
  /** `alias/<keyAlias>`. */
  public readonly keyAliasName: string;
  /** ARN of the key's alias; usable wherever KMS accepts a key id. */
  public readonly keyAliasArn: string;
  public readonly setecServerTag: string;

  private readonly secretsByName = new Map<string, SecretsmanagerSecret>();
  private readonly grantRecords: SecretGrantRecord[] = [];
  private readonly recoveryWindowInDays: number;
  private readonly tailnetPolicy?: ITailnetPolicy;
  private readonly grantNetworkAccess: boolean;
  private readonly provider?: AwsProvider;

  constructor(scope: Construct, id: string, props: SecretStoreProps) {
    super(scope, id);
    if (!props || typeof props !== 'object') throw this.error('props', props ?? null, 'are required (accountId, region)');
    this.accountId = this.literal('props.accountId', props.accountId);
    if (!ACCOUNT_ID.test(this.accountId)) throw this.error('props.accountId', props.accountId, 'must be a 12-digit AWS account id');
    this.region = this.literal('props.region', props.region);
    if (!AWS_REGION.test(this.region)) throw this.error('props.region', props.region, "must be an AWS region of the commercial partition, e.g. 'eu-central-1'");

    this.recoveryWindowInDays = this.days('props.recoveryWindowInDays', props.recoveryWindowInDays ?? 30, 7, 30);
    const deletionWindow = this.days('props.keyDeletionWindowInDays', props.keyDeletionWindowInDays ?? 30, 7, 30);
    const rotationPeriod = this.days('props.keyRotationPeriodInDays', props.keyRotationPeriodInDays ?? 365, 90, 2560);

    const stackId = TerraformStack.of(this).node.id;
    const aliasName = props.keyAlias ?? `secret-store/${stackId}/${id}`.toLowerCase().replace(/[^a-z0-9/_-]/g, '-');
    if (!KEY_ALIAS.test(aliasName)) {
      throw this.error('props.keyAlias', aliasName, "must be 1-250 letters, digits, '/', '_' or '-' without the 'alias/' prefix, and not start with 'aws/'");
    }
    this.keyAliasName = `alias/${aliasName}`;
    this.keyAliasArn = `arn:aws:kms:${this.region}:${this.accountId}:${this.keyAliasName}`;

    this.setecServerTag = props.setecServerTag ?? 'tag:setec';
    if (!TAG.test(this.setecServerTag)) throw this.error('props.setecServerTag', this.setecServerTag, "must be a tag such as 'tag:setec'");
    this.tailnetPolicy = props.tailnetPolicy;
    this.grantNetworkAccess = props.grantNetworkAccessToSetec ?? true;
    this.provider = props.provider;
    this.node.addValidation({ validate: () => this.providerRegionProblems() });

    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the secrets of SecretStore ${this.node.path}`,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      enableKeyRotation: true,
      rotationPeriodInDays: rotationPeriod,
      deletionWindowInDays: deletionWindow,
      multiRegion: false,
      bypassPolicyLockoutSafetyCheck: false,
      policy: Lazy.stringValue({ produce: () => JSON.stringify(this.keyPolicy()) }),
      tags: { Name: aliasName },
      provider: this.provider,
    });
    this.alias = new KmsAlias(this, 'alias', { name: this.keyAliasName, targetKeyId: this.key.keyId, provider: this.provider });

    (props.secrets ?? []).forEach((s, i) => this.addSecretFrom(`props.secrets[${i}]`, s));
  }

  /** Create a secret (no value). */
  public addSecret(name: string, options: { description?: string } = {}): SecretsmanagerSecret {
    return this.addSecretFrom(`addSecret('${name}')`, { name, ...options });
  }

  /** The secrets, by name. */
  public get secrets(): ReadonlyMap<string, SecretsmanagerSecret> {
    return this.secretsByName;
  }

  public get grants(): readonly SecretGrantRecord[] {
    return this.grantRecords;
  }

  /**
   * Where a secret of this store lives, for another stack: plain strings (an ARN pattern and the key alias
   * ARN), so using it creates no cross-stack reference.
   */
  public secretReference(name: string): SecretReference {
    if (!this.secretsByName.has(name)) {
      throw this.error(`secretReference('${name}')`, name, `is not a secret of this store (known: ${[...this.secretsByName.keys()].join(', ') || 'none'})`);
    }
    return { name, arn: secretArnPattern(this, name), region: this.region, kmsKeyArn: this.keyAliasArn };
  }

  /**
   * Grant `actions` on the secrets matching `secrets` to `principal`: an IAM policy on principal.iamRoleName
   * (when given) for exactly those secret ARNs plus the key (through Secrets Manager only), the key policy's
   * consent for that role, and a setec grant in the tailnet policy.
   */
  public grant(principal: SecretPrincipal, options: SecretGrantOptions): SecretGrantRecord {
    const where = `grant(${typeof principal?.tailnet === 'string' ? `'${principal.tailnet}'` : '?'})`;
    if (!principal || typeof principal !== 'object') throw this.error(`${where}.principal`, principal ?? null, 'is required');
    const tailnet = principal.tailnet;
    if (typeof tailnet !== 'string' || !(TAG.test(tailnet) || GROUP.test(tailnet) || USER.test(tailnet) || AUTOGROUP.test(tailnet))) {
      throw this.error(`${where}.principal.tailnet`, tailnet ?? null, "must be a tailnet identity: 'group:infra', 'tag:derp', a user 'name@domain' or an autogroup");
    }
    if (principal.iamRoleName !== undefined) {
      const role = this.literal(`${where}.principal.iamRoleName`, principal.iamRoleName);
      if (!IAM_ROLE_NAME.test(role)) throw this.error(`${where}.principal.iamRoleName`, role, "must be an IAM role name (1-64 of letters, digits and + = , . @ _ -; no path)");
    }
    const actions = this.checkActions(`${where}.options.actions`, options?.actions);
    const patterns = this.checkPatterns(`${where}.options.secrets`, options?.secrets);

    const tailnetGrant: GrantRule = {
      src: [tailnet],
      dst: [this.setecServerTag],
      ...(this.grantNetworkAccess ? { ip: ['tcp:443'] } : {}),
      app: { [SETEC_CAPABILITY]: [{ action: [...actions], secret: [...patterns] }] },
    };
    this.tailnetPolicy?.addGrant(tailnetGrant);

    let iamPolicy: IamRolePolicy | undefined;
    if (principal.iamRoleName !== undefined) {
      const n = this.grantRecords.filter((g) => g.iamPolicy).length;
      iamPolicy = new IamRolePolicy(this, `grant-${n}`, {
        name: `${this.keyAliasName.slice('alias/'.length).replace(/\//g, '-')}-grant-${n}`.slice(0, 128),
        role: principal.iamRoleName,
        policy: JSON.stringify(this.rolePolicy(actions, patterns)),
        provider: this.provider,
      });
    }
    const record: SecretGrantRecord = { principal: { ...principal }, actions, secrets: patterns, tailnetGrant, ...(iamPolicy ? { iamPolicy } : {}) };
    this.grantRecords.push(record);
    return record;
  }

  /** The IAM policy document of a grant: the secrets' ARNs, and the key only through Secrets Manager. */
  private rolePolicy(actions: readonly SecretAction[], patterns: readonly string[]): object {
    const arns = patterns.map((p) => secretArnPattern(this, p));
    const statements: object[] = [
      {
        Sid: 'SecretsByName',
        Effect: 'Allow',
        Action: unique(actions.flatMap((a) => SECRETS_MANAGER_ACTIONS[a])),
        Resource: arns,
      },
    ];
    const kmsActions = unique(actions.flatMap((a) => KMS_ACTIONS[a]));
    if (kmsActions.length > 0) {
      statements.push({
        Sid: 'StoreKeyThroughSecretsManager',
        Effect: 'Allow',
        Action: kmsActions,
        // The key's ARN is only known after apply; its alias is known now. Any key of the account, but
        // only the one behind this alias, only when Secrets Manager calls, only for these secrets.
        Resource: `arn:aws:kms:${this.region}:${this.accountId}:key/*`,
        Condition: {
          StringEquals: { 'kms:ViaService': secretsManagerEndpoint(this.region) },
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': this.keyAliasName },
          StringLike: { 'kms:EncryptionContext:SecretARN': arns },
        },
      });
    }
    return { Version: '2012-10-17', Statement: statements };
  }

  /**
   * The key policy: the account administers the key (IAM decides which of its principals may), and each
   * granted role may use it, only through Secrets Manager in this region, only for its secrets. No one
   * else, and nothing outside Secrets Manager, can decrypt.
   */
  private keyPolicy(): object {
    const root = `arn:aws:iam::${this.accountId}:root`;
    const statements: object[] = [
      { Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: root }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' },
    ];
    this.grantRecords.forEach((g, i) => {
      const roleName = g.principal.iamRoleName;
      const kmsActions = unique(g.actions.flatMap((a) => KMS_ACTIONS[a]));
      if (roleName === undefined || kmsActions.length === 0) return;
      statements.push({
        Sid: `GrantedRoleUsesKeyThroughSecretsManager${i}`,
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: kmsActions,
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ViaService': secretsManagerEndpoint(this.region), 'kms:CallerAccount': this.accountId },
          // A condition, not the role as principal: the key policy stays valid when the role is created later or elsewhere.
          ArnLike: { 'aws:PrincipalArn': [`arn:aws:iam::${this.accountId}:role/${roleName}`, `arn:aws:iam::${this.accountId}:role/*/${roleName}`] },
          StringLike: { 'kms:EncryptionContext:SecretARN': g.secrets.map((p) => secretArnPattern(this, p)) },
        },
      });
    });
    return { Version: '2012-10-17', Statement: statements };
  }

  private addSecretFrom(where: string, spec: string | SecretSpec): SecretsmanagerSecret {
    const name = typeof spec === 'string' ? spec : spec?.name;
    const problem = secretNameProblem(name);
    if (problem) throw this.error(typeof spec === 'string' ? where : `${where}.name`, name ?? null, problem);
    if (Token.isUnresolved(name)) throw this.error(where, name, 'must be a literal name, not a Terraform token');
    if (this.secretsByName.has(name)) throw this.error(where, name, 'is already a secret of this store');
    const description = (typeof spec === 'string' ? undefined : spec.description) ?? `Managed by SecretStore ${this.node.path}`;
    const secret = new SecretsmanagerSecret(this, `secret-${name.replace(/[^A-Za-z0-9]/g, '-')}-${this.secretsByName.size}`, {
      name,
      description,
      kmsKeyId: this.key.arn,
      recoveryWindowInDays: this.recoveryWindowInDays,
      tags: { Name: name },
      provider: this.provider,
    });
    this.secretsByName.set(name, secret);
    return secret;
  }

  private checkActions(where: string, actions: readonly SecretAction[] | undefined): SecretAction[] {
    if (!Array.isArray(actions) || actions.length === 0) throw this.error(where, actions ?? null, `must list at least one action (${SECRET_ACTIONS.join(', ')})`);
    actions.forEach((a, i) => {
      if (!SECRET_ACTIONS.includes(a)) throw this.error(`${where}[${i}]`, a, `is not a setec action; use ${SECRET_ACTIONS.join(', ')}`);
    });
    return unique(actions);
  }

  private checkPatterns(where: string, patterns: readonly string[] | undefined): string[] {
    if (!Array.isArray(patterns) || patterns.length === 0) throw this.error(where, patterns ?? null, "must list at least one secret name or pattern, e.g. 'derp/*'");
    patterns.forEach((p, i) => {
      const problem = secretPatternProblem(p);
      if (problem) throw this.error(`${where}[${i}]`, p, problem);
    });
    return unique(patterns);
  }

  private days(prop: string, value: number, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw this.error(prop, value, `must be a whole number of days from ${min} to ${max}`);
    }
    return value;
  }

  private literal(prop: string, value: unknown): string {
    if (typeof value !== 'string') throw this.error(prop, value ?? null, 'must be a string');
    if (Token.isUnresolved(value)) throw this.error(prop, value, 'must be a literal (it is written into policies and ARNs at synth), not a Terraform token');
    return value;
  }

  /** The provider's region, when it is a literal, must be the store's: the ARNs say `region`. */
  private providerRegionProblems(): string[] {
    const stack = TerraformStack.of(this);
    const provider =
      this.provider ??
      (stack.node.findAll().find((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'aws' && (c as AwsProvider).alias === undefined) as AwsProvider | undefined);
    const region = provider?.region;
    if (region === undefined || Token.isUnresolved(region) || region === this.region) return [];
    return [this.error('props.region', this.region, `differs from the AWS provider's region '${region}' (${provider?.node.path}); the secrets would be created in '${region}' while every ARN and policy says '${this.region}'`).message];
  }

  private error(prop: string, value: unknown, reason: string): SecretStoreError {
    return new SecretStoreError(this.node.path, prop, value, reason);
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
