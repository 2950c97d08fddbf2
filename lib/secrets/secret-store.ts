/**
 * Secrets under path-like names (`join-keys/900a`) in AWS Secrets Manager, encrypted with one customer-managed
 * KMS key, with ONE access model: every secret names its writers and readers (IAM roles, by name or ARN, and
 * optionally tailnet identities), and `grant()` adds wider grants by pattern. From that one model come:
 *
 * - each role's IAM policy (one `aws_iam_role_policy` per role): the Secrets Manager actions on exactly the
 *   granted secrets' ARNs, and the store's key only through Secrets Manager, only for those secrets;
 * - the KMS key policy: `kms:GenerateDataKey` for writers and `kms:Decrypt` for readers, each only for calls
 *   Secrets Manager makes in the store's region (`kms:ViaService`) on behalf of that role, and only for the
 *   secrets granted to it (`kms:EncryptionContext:SecretARN`, the context Secrets Manager sends with every
 *   call: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html);
 * - when a setec server is declared (`setecServerTag`), a `tailscale.com/cap/secrets` grant per tailnet
 *   principal in the tailnet policy.
 *
 * Synth refuses a secret that no IAM role can write: its value could never be put.
 *
 * setec (github.com/tailscale/setec) keeps its secrets in its own KMS-encrypted database, not in Secrets
 * Manager. A setec grant therefore governs the secrets *of the same name in that setec server*; it gives no
 * access to the Secrets Manager secrets here. Without a declared setec server no tailnet grant is emitted
 * (one that nothing enforces would only mislead a reviewer).
 *
 * Every policy is a literal JSON string (no Terraform references inside), so the guardrails read it whole,
 * and every ARN is computed from the account, region and names, so nothing needs a data source and other
 * stacks get references (secretReference) without cross-stack outputs.
 *
 * The store creates the secrets, never their values, except a NodeJoinKey's (a short-lived tailnet key made
 * by Terraform anyway). Values are put by a writer (the AWS CLI, the console, CI).
 */
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import type { SecretReference } from '../contracts/secret-reference';
import type { GrantRule, ITailnetPolicy } from '../contracts/tailnet-policy';
import { TAG } from '../tailnet/syntax';
import {
  ACCOUNT_ID,
  AWS_REGION,
  KEY_ALIAS,
  KMS_ACTIONS,
  SECRETS_MANAGER_ACTIONS,
  SECRET_ACTIONS,
  patternMatches,
  secretArnPattern,
  secretNameProblem,
  secretPatternProblem,
  secretsManagerEndpoint,
  type SecretAction,
} from './names';
import { parseIamRole, tailnetIdentityProblem, type IamRoleRef, type SecretAccessor, type SecretPrincipal } from './principals';
import { ConstructConfigError } from '../errors';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role-policy')>('iam-role-policy'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/kms-alias')>('kms-alias'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/kms-key')>('kms-key'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/secretsmanager-secret')>('secretsmanager-secret'),
};

export type { SecretAccessor, SecretPrincipal } from './principals';

/** The capability setec checks, as written in a tailnet policy grant (its API calls it https://tailscale.com/cap/secrets). */
export const SETEC_CAPABILITY = 'tailscale.com/cap/secrets';

/** What writers and readers of a secret may do (setec words). */
export const WRITER_ACTIONS: readonly SecretAction[] = ['put'];
export const READER_ACTIONS: readonly SecretAction[] = ['get'];

export interface SecretSpec {
  /** Path-like name, e.g. `derp/mesh-key`. */
  readonly name: string;
  /**
   * What the secret is for.
   * @default 'Managed by SecretStore <construct path>'
   */
  readonly description?: string;
  /**
   * Who puts its value (`put`: `secretsmanager:PutSecretValue` and `kms:GenerateDataKey` through Secrets
   * Manager): IAM role names or ARNs (a CI role, an operator role), or principals with a tailnet identity.
   * At least one IAM role must be able to write each secret, here or through grant(); synth refuses otherwise.
   * @default none here (then a grant() with `put` must cover the secret)
   */
  readonly writers?: readonly SecretAccessor[];
  /**
   * Who reads its value (`get`: `secretsmanager:GetSecretValue` and `kms:Decrypt` through Secrets Manager).
   * @default none here (grant() may add readers)
   */
  readonly readers?: readonly SecretAccessor[];
}

/** Options of addSecret. */
export interface AddSecretOptions {
  /** @default 'Managed by SecretStore <construct path>' */
  readonly description?: string;
  /** @default none here (then a grant() with `put` must cover the secret) */
  readonly writers?: readonly SecretAccessor[];
  /** @default none here */
  readonly readers?: readonly SecretAccessor[];
}

export interface SecretGrantOptions {
  /** setec action words: get, put, info, activate, delete. */
  readonly actions: readonly SecretAction[];
  /** Names or patterns (`derp/*`, `dev/*`, `derp/mesh-key`); `*` matches any characters, `/` included. */
  readonly secrets: readonly string[];
}

/** A grant as recorded by the store (writers and readers of secrets are recorded as grants too). */
export interface SecretGrantRecord {
  readonly principal: SecretPrincipal;
  /**
   * The IAM role, parsed.
   * @default none, for a tailnet-only grant
   */
  readonly iamRole?: IamRoleRef;
  readonly actions: readonly SecretAction[];
  readonly secrets: readonly string[];
  /**
   * The IAM policy of the principal's role (one per role, holding all of that role's grants).
   * @default none, for a tailnet-only grant
   */
  readonly iamPolicy?: IamRolePolicy;
  /**
   * The setec grant added to the tailnet policy.
   * @default none: no tailnet principal, or no setec server declared
   */
  readonly tailnetGrant?: GrantRule;
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
   * The IAM role that applies this stack (CI). Needed only when Terraform writes a value (NodeJoinKey): it
   * becomes that secret's writer, and also its reader, because the AWS provider reads a
   * `aws_secretsmanager_secret_version` back with GetSecretValue on every refresh.
   * @default none (NodeJoinKey then refuses to be created)
   */
  readonly terraformRole?: string;
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
   * Tailnet policy that receives the setec grants (only when `setecServerTag` is set).
   * @default none: no tailnet grant is added anywhere
   */
  readonly tailnetPolicy?: ITailnetPolicy;
  /**
   * Declares a setec server, by its tailnet tag (the `dst` of the grants). Only then are tailnet principals'
   * grants emitted as `tailscale.com/cap/secrets` grants. setec serves its own database (secrets of the
   * same names put into setec), never the Secrets Manager secrets of this store.
   * @default none: no setec server; tailnet principals get no grant, and a grant with nothing but a tailnet
   * principal is refused
   */
  readonly setecServerTag?: string;
  /**
   * Put `ip: ['tcp:443']` in each setec grant, so the grantee can also reach the setec server's HTTPS port.
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

/** One role's share of the key policy and its IAM policy, gathered from every grant to it. */
interface RoleAccess {
  readonly role: IamRoleRef;
  readonly policy: IamRolePolicy;
  readonly grants: SecretGrantRecord[];
}

export class SecretStore extends Construct {
  public readonly accountId: string;
  public readonly region: string;
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;
  /** `alias/<keyAlias>`. */
  public readonly keyAliasName: string;
  /** ARN of the key's alias; usable wherever KMS accepts a key id. */
  public readonly keyAliasArn: string;
  /** The declared setec server's tag, or undefined when there is none (then no tailnet grant is emitted). */
  public readonly setecServerTag?: string;
  /** The role that applies this stack, when given (props.terraformRole). */
  public readonly terraformRole?: IamRoleRef;
  /** The AWS provider of the store's resources, when given. */
  public readonly provider?: AwsProvider;

  private readonly secretsByName = new Map<string, SecretsmanagerSecret>();
  /** Where each secret was declared, for messages (`props.secrets[0]`, `addSecret('x')`). */
  private readonly declaredAt = new Map<string, string>();
  private readonly grantRecords: SecretGrantRecord[] = [];
  private readonly roles = new Map<string, RoleAccess>();
  private readonly recoveryWindowInDays: number;
  private readonly tailnetPolicy?: ITailnetPolicy;
  private readonly grantNetworkAccess: boolean;

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

    const stackId = cdk.TerraformStack.of(this).node.id;
    const aliasName = props.keyAlias ?? `secret-store/${stackId}/${id}`.toLowerCase().replace(/[^a-z0-9/_-]/g, '-');
    if (!KEY_ALIAS.test(aliasName)) {
      throw this.error('props.keyAlias', aliasName, "must be 1-250 letters, digits, '/', '_' or '-' without the 'alias/' prefix, and not start with 'aws/'");
    }
    this.keyAliasName = `alias/${aliasName}`;
    this.keyAliasArn = `arn:aws:kms:${this.region}:${this.accountId}:${this.keyAliasName}`;

    if (props.setecServerTag !== undefined) {
      if (typeof props.setecServerTag !== 'string' || !TAG.test(props.setecServerTag)) {
        throw this.error('props.setecServerTag', props.setecServerTag, "must be a tag such as 'tag:setec'");
      }
      this.setecServerTag = props.setecServerTag;
    }
    if (props.terraformRole !== undefined) this.terraformRole = this.role('props.terraformRole', props.terraformRole);
    this.tailnetPolicy = props.tailnetPolicy;
    this.grantNetworkAccess = props.grantNetworkAccessToSetec ?? true;
    this.provider = props.provider;
    this.node.addValidation({ validate: () => [...this.providerRegionProblems(), ...this.unwritableSecrets()] });

    this.key = new awsClasses.KmsKey(this, 'key', {
      description: `Encrypts the secrets of SecretStore ${this.node.path}`,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      enableKeyRotation: true,
      rotationPeriodInDays: rotationPeriod,
      deletionWindowInDays: deletionWindow,
      multiRegion: false,
      bypassPolicyLockoutSafetyCheck: false,
      policy: cdk.Lazy.stringValue({ produce: () => JSON.stringify(this.keyPolicy()) }),
      tags: { Name: aliasName },
      provider: this.provider,
    });
    this.alias = new awsClasses.KmsAlias(this, 'alias', { name: this.keyAliasName, targetKeyId: this.key.keyId, provider: this.provider });

    (props.secrets ?? []).forEach((s, i) => this.addSecretFrom(`props.secrets[${i}]`, s));
  }

  /** Create a secret (no value), with its writers and readers. */
  public addSecret(name: string, options: AddSecretOptions = {}): SecretsmanagerSecret {
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

  /** IAM roles (as given) that may do `action` on the secret `name`, through any grant. */
  public iamRolesAllowed(action: SecretAction, name: string): string[] {
    return unique(
      this.grantRecords.filter((g) => g.iamRole && g.actions.includes(action) && g.secrets.some((p) => patternMatches(p, name))).map((g) => g.iamRole!.given),
    );
  }

  /**
   * Grant `actions` on the secrets matching `secrets` to `principal`: its IAM role's policy gets exactly
   * those secret ARNs plus the key (through Secrets Manager only), the key policy consents for that role
   * and those secrets, and, when a setec server is declared, a setec grant goes to the tailnet policy.
   */
  public grant(principal: SecretPrincipal, options: SecretGrantOptions): SecretGrantRecord {
    const label = principal?.iamRole ?? principal?.iamRoleName ?? principal?.tailnet;
    return this.grantFrom(`grant(${typeof label === 'string' ? `'${label}'` : '?'})`, principal, options);
  }

  private grantFrom(where: string, principal: SecretPrincipal, options: SecretGrantOptions): SecretGrantRecord {
    if (!principal || typeof principal !== 'object') throw this.error(`${where}.principal`, principal ?? null, 'is required');
    const { tailnet } = principal;
    if (tailnet !== undefined) {
      const problem = tailnetIdentityProblem(tailnet);
      if (problem) throw this.error(`${where}.principal.tailnet`, tailnet, problem);
    }
    if (principal.iamRole !== undefined && principal.iamRoleName !== undefined) {
      throw this.error(
        `${where}.principal.iamRoleName`,
        principal.iamRoleName,
        'must not be set together with iamRole (it is the deprecated name of the same thing)',
      );
    }
    const roleProp = principal.iamRole !== undefined ? 'iamRole' : 'iamRoleName';
    const roleValue = principal.iamRole ?? principal.iamRoleName;
    const iamRole = roleValue === undefined ? undefined : this.role(`${where}.principal.${roleProp}`, roleValue);
    if (roleProp === 'iamRoleName' && iamRole && iamRole.given.startsWith('arn:')) {
      throw this.error(`${where}.principal.iamRoleName`, roleValue, 'must be a role name; pass an ARN as iamRole');
    }
    const actions = this.checkActions(`${where}.options.actions`, options?.actions);
    const patterns = this.checkPatterns(`${where}.options.secrets`, options?.secrets);
    if (!iamRole && (tailnet === undefined || this.setecServerTag === undefined)) {
      throw this.error(
        `${where}.principal`,
        principal,
        tailnet === undefined
          ? 'must name an iamRole or a tailnet identity'
          : "grants nothing: it has no iamRole, and without a setec server (props.setecServerTag) a tailnet identity has no access to anything (setec grants govern setec's own database, not Secrets Manager)",
      );
    }

    let tailnetGrant: GrantRule | undefined;
    if (tailnet !== undefined && this.setecServerTag !== undefined) {
      tailnetGrant = {
        src: [tailnet],
        dst: [this.setecServerTag],
        ...(this.grantNetworkAccess ? { ip: ['tcp:443'] } : {}),
        app: { [SETEC_CAPABILITY]: [{ action: [...actions], secret: [...patterns] }] },
      };
      this.tailnetPolicy?.addGrant(tailnetGrant);
    }

    const access = iamRole ? this.roleAccess(iamRole, where) : undefined;
    const record: SecretGrantRecord = {
      principal: { ...principal },
      actions,
      secrets: patterns,
      ...(iamRole ? { iamRole } : {}),
      ...(access ? { iamPolicy: access.policy } : {}),
      ...(tailnetGrant ? { tailnetGrant } : {}),
    };
    access?.grants.push(record);
    this.grantRecords.push(record);
    return record;
  }

  /** The role's access record, creating its one IAM policy on first use. */
  private roleAccess(role: IamRoleRef, where: string): RoleAccess {
    const existing = this.roles.get(role.name);
    if (existing) {
      if (existing.role.given !== role.given && (existing.role.given.startsWith('arn:') || role.given.startsWith('arn:'))) {
        throw this.error(where, role.given, `names the role '${role.name}' differently from an earlier grant ('${existing.role.given}'); use one spelling`);
      }
      return existing;
    }
    const n = this.roles.size;
    const grants: SecretGrantRecord[] = [];
    const policy = new awsClasses.IamRolePolicy(this, `grants-${n}`, {
      name: `${this.keyAliasName.slice('alias/'.length).replace(/\//g, '-')}-secrets`.slice(0, 128),
      role: role.name,
      policy: cdk.Lazy.stringValue({ produce: () => JSON.stringify(this.rolePolicy(grants)) }),
      provider: this.provider,
    });
    const access: RoleAccess = { role, policy, grants };
    this.roles.set(role.name, access);
    return access;
  }

  /** One role's IAM policy: per grant, its secrets' ARNs; then the key, only through Secrets Manager, only for those secrets. */
  private rolePolicy(grants: readonly SecretGrantRecord[]): object {
    const statements: object[] = grants.map((g, i) => ({
      Sid: `Secrets${i}`,
      Effect: 'Allow',
      Action: unique(g.actions.flatMap((a) => SECRETS_MANAGER_ACTIONS[a])),
      Resource: g.secrets.map((p) => secretArnPattern(this, p)),
    }));
    for (const [sid, kmsAction] of KEY_USES) {
      const arns = this.arnsFor(grants, kmsAction);
      if (arns.length === 0) continue;
      statements.push({
        Sid: `StoreKey${sid}ThroughSecretsManager`,
        Effect: 'Allow',
        Action: [kmsAction],
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

  /** Secret ARN patterns of the grants whose actions need `kmsAction`. */
  private arnsFor(grants: readonly SecretGrantRecord[], kmsAction: string): string[] {
    return unique(
      grants.filter((g) => g.actions.some((a) => KMS_ACTIONS[a].includes(kmsAction))).flatMap((g) => g.secrets.map((p) => secretArnPattern(this, p))),
    );
  }

  /**
   * The key policy: the account administers the key (IAM decides which of its principals may), and each
   * role with a grant may use it only through Secrets Manager in this region, only for its secrets:
   * writers generate data keys, readers decrypt. No one else, and nothing outside Secrets Manager, can.
   */
  private keyPolicy(): object {
    const root = `arn:aws:iam::${this.accountId}:root`;
    const statements: object[] = [{ Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: root }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' }];
    [...this.roles.values()].forEach((access, i) => {
      for (const [sid, kmsAction] of KEY_USES) {
        const arns = this.arnsFor(access.grants, kmsAction);
        if (arns.length === 0) continue;
        statements.push({
          Sid: `Role${i}${sid}ThroughSecretsManager`,
          Effect: 'Allow',
          Principal: { AWS: root },
          Action: [kmsAction],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:ViaService': secretsManagerEndpoint(this.region), 'kms:CallerAccount': this.accountId },
            // A condition, not the role as principal: the key policy stays valid when the role is created later or elsewhere.
            ArnLike: { 'aws:PrincipalArn': [...access.role.principalArns] },
            StringLike: { 'kms:EncryptionContext:SecretARN': arns },
          },
        });
      }
    });
    return { Version: '2012-10-17', Statement: statements };
  }

  private addSecretFrom(where: string, spec: string | SecretSpec): SecretsmanagerSecret {
    const name = typeof spec === 'string' ? spec : spec?.name;
    const problem = secretNameProblem(name);
    if (problem) throw this.error(typeof spec === 'string' ? where : `${where}.name`, name ?? null, problem);
    if (cdk.Token.isUnresolved(name)) throw this.error(where, name, 'must be a literal name, not a Terraform token');
    if (this.secretsByName.has(name)) throw this.error(where, name, 'is already a secret of this store');
    const description = (typeof spec === 'string' ? undefined : spec.description) ?? `Managed by SecretStore ${this.node.path}`;
    const secret = new awsClasses.SecretsmanagerSecret(this, `secret-${name.replace(/[^A-Za-z0-9]/g, '-')}-${this.secretsByName.size}`, {
      name,
      description,
      kmsKeyId: this.key.arn,
      recoveryWindowInDays: this.recoveryWindowInDays,
      tags: { Name: name },
      provider: this.provider,
    });
    this.secretsByName.set(name, secret);
    this.declaredAt.set(name, typeof spec === 'string' ? where : `${where}`);
    if (typeof spec !== 'string') {
      for (const [prop, actions] of [
        ['writers', WRITER_ACTIONS],
        ['readers', READER_ACTIONS],
      ] as const) {
        const list = spec[prop];
        if (list === undefined) continue;
        if (!Array.isArray(list)) throw this.error(`${where}.${prop}`, list, 'must be a list of IAM role names or ARNs, or principals');
        list.forEach((a, i) => {
          const principal: SecretPrincipal = typeof a === 'string' ? { iamRole: a } : a;
          this.grantFrom(`${where}.${prop}[${i}]`, principal, { actions, secrets: [name] });
        });
      }
    }
    return secret;
  }

  /** Synth: every secret needs an IAM role that can put its value, or it can never hold one. */
  private unwritableSecrets(): string[] {
    return [...this.secretsByName.keys()]
      .filter((name) => this.iamRolesAllowed('put', name).length === 0)
      .map(
        (name) =>
          this.error(
            `${this.declaredAt.get(name)}.writers`,
            name,
            "names no IAM role that can write the secret, and no grant() gives one 'put' on it: its value could never be put. List the writers (e.g. writers: ['ci-deploy', 'arn:aws:iam::<account>:role/operator'])",
          ).message,
      );
  }

  private checkActions(where: string, actions: readonly SecretAction[] | undefined): SecretAction[] {
    if (!Array.isArray(actions) || actions.length === 0)
      throw this.error(where, actions ?? null, `must list at least one action (${SECRET_ACTIONS.join(', ')})`);
    actions.forEach((a, i) => {
      if (!SECRET_ACTIONS.includes(a)) throw this.error(`${where}[${i}]`, a, `is not a setec action; use ${SECRET_ACTIONS.join(', ')}`);
    });
    return unique(actions);
  }

  private checkPatterns(where: string, patterns: readonly string[] | undefined): string[] {
    if (!Array.isArray(patterns) || patterns.length === 0)
      throw this.error(where, patterns ?? null, "must list at least one secret name or pattern, e.g. 'derp/*'");
    patterns.forEach((p, i) => {
      const problem = secretPatternProblem(p);
      if (problem) throw this.error(`${where}[${i}]`, p, problem);
    });
    return unique(patterns);
  }

  private role(prop: string, value: unknown): IamRoleRef {
    const parsed = parseIamRole(value, this.accountId);
    if (typeof parsed === 'string') throw this.error(prop, value ?? null, parsed);
    return parsed;
  }

  private days(prop: string, value: number, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw this.error(prop, value, `must be a whole number of days from ${min} to ${max}`);
    }
    return value;
  }

  private literal(prop: string, value: unknown): string {
    if (typeof value !== 'string') throw this.error(prop, value ?? null, 'must be a string');
    if (cdk.Token.isUnresolved(value))
      throw this.error(prop, value, 'must be a literal (it is written into policies and ARNs at synth), not a Terraform token');
    return value;
  }

  /** The provider's region, when it is a literal, must be the store's: the ARNs say `region`. */
  private providerRegionProblems(): string[] {
    const stack = cdk.TerraformStack.of(this);
    const provider =
      this.provider ??
      (stack.node.findAll().find((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'aws' && (c as AwsProvider).alias === undefined) as
        AwsProvider | undefined);
    const region = provider?.region;
    if (region === undefined || cdk.Token.isUnresolved(region) || region === this.region) return [];
    return [
      this.error(
        'props.region',
        this.region,
        `differs from the AWS provider's region '${region}' (${provider?.node.path}); the secrets would be created in '${region}' while every ARN and policy says '${this.region}'`,
      ).message,
    ];
  }

  /** An error of this store, to throw. */
  public error(prop: string, value: unknown, reason: string): SecretStoreError {
    return new SecretStoreError(this.node.path, prop, value, reason);
  }
}

/** The two uses of the store's key, by KMS action: writers generate data keys, readers decrypt them. */
const KEY_USES: readonly (readonly [string, string])[] = [
  ['Decrypt', 'kms:Decrypt'],
  ['GenerateDataKey', 'kms:GenerateDataKey'],
];

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
