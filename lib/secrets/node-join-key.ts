/**
 * A node's own tailnet join key, with no lasting value: a `tailscale_tailnet_key` that is single-use,
 * pre-authorized, tagged and expires within the hour, made by Terraform and put into that node's own
 * Secrets Manager secret (an `aws_secretsmanager_secret_version`), which only that node's IAM role can
 * read (and the Terraform role that wrote it, which had the key in hand anyway).
 *
 * One construct makes all four pieces so they cannot drift: the key, the secret (in a SecretStore: the
 * store's KMS key, writers and readers from its one model), the value, and the node role's read grant.
 * Synth refuses a store grant that lets any other IAM role read the key, and two nodes sharing a role.
 *
 * Lifetime: the key is created when this stack is applied and is worthless an hour later (or as soon as the
 * node has used it). A node must therefore first boot within `expirySeconds` of that apply; after the key
 * is used or expired it stays in state unchanged (`recreate_if_invalid = "never"`, so plans stay quiet).
 * To let a replaced node join, mint a fresh key in the same change: `terraform apply
 * -replace=<this key's address>` in this stack, then replace the node.
 *
 * Why not workload identity (the node proving who it is, no key at all): Tailscale's workload identity
 * federation trusts OIDC tokens from an issuer it is configured with; an EC2 instance has no OIDC token of
 * its own without extra machinery (an issuer to run and protect, whose signing key would then be the
 * credential that matters). A single-use, one-hour key read with the instance role
 * leaves the instance role (IMDSv2, hop limit 1, root only) as the one credential that matters, which is
 * what workload identity would rest on too.
 */
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import type { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import type { SecretReference } from '../contracts/secret-reference';
import { ConstructConfigError } from '../errors';
import { isTailscaleProvider, type TailscaleProvider } from '../tailscale/provider';
import { TailscaleTailnetKey } from '../tailscale/tailnet-key';
import { TAG } from '../tailnet/syntax';
import { PropValidator } from '../validate';
import { patternMatches, secretNameProblem } from './names';
import { parseIamRole, type IamRoleRef } from './principals';
import type { SecretGrantRecord, SecretStore } from './secret-store';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/secretsmanager-secret-version')>('secretsmanager-secret-version'),
};

/** The longest a join key may live: an hour. */
export const MAX_JOIN_KEY_EXPIRY_SECONDS = 3600;

export interface NodeJoinKeyProps {
  /** The store that holds the key's secret (in the same stack as this construct). */
  readonly store: SecretStore;
  /** The node's name, e.g. the derpMap node name `900a`. Names the secret. */
  readonly nodeName: string;
  /** The node's IAM role (name or ARN of the store's account): the only reader of the key. */
  readonly nodeRole: string;
  /** Tailnet tags the node gets (`['tag:derp']`); at least one. */
  readonly tags: readonly string[];
  /**
   * Whether the node is removed from the tailnet when it goes offline.
   * @default false: relays and monitoring are long-lived servers
   */
  readonly ephemeral?: boolean;
  /**
   * Lifetime of the key in seconds, from the apply that creates it (60-3600). The node must first boot within it.
   * @default 3600
   */
  readonly expirySeconds?: number;
  /**
   * The secret's name.
   * @default `join-keys/<nodeName>`
   */
  readonly secretName?: string;
  /**
   * Tailscale provider of the key.
   * @default the stack's (unaliased) TailscaleProvider
   */
  readonly tailscaleProvider?: TailscaleProvider;
}

/** A NodeJoinKey prop is invalid, or the store would let the wrong role read the key. */
export class NodeJoinKeyError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind = 'NodeJoinKey') {
    super({ constructKind, constructPath, prop, value, reason });
    this.name = 'NodeJoinKeyError';
  }
}

const NODE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Node roles of the join keys of each store, to refuse two nodes sharing one. */
const NODE_ROLES = new WeakMap<SecretStore, Map<string, string>>();

export class NodeJoinKey extends Construct {
  /** The tailnet key (its `key` attribute is sensitive; it only ever goes into the secret). */
  public readonly tailnetKey: TailscaleTailnetKey;
  /** The node's secret. */
  public readonly secret: SecretsmanagerSecret;
  /** The secret's value: the key. */
  public readonly secretVersion: SecretsmanagerSecretVersion;
  /** The node role's read grant (`get` on exactly this secret). */
  public readonly readGrant: SecretGrantRecord;
  /** The secret's name. */
  public readonly secretName: string;
  /** Where the key lives, for the node's construct in another stack (plain strings, no cross-stack reference). */
  public readonly secretReference: SecretReference;
  /** The node's role, parsed. */
  public readonly nodeRole: IamRoleRef;

  constructor(scope: Construct, id: string, props: NodeJoinKeyProps) {
    super(scope, id);
    const v: PropValidator = new PropValidator(this, 'NodeJoinKey', NodeJoinKeyError);
    if (!props || typeof props !== 'object') v.fail('props', null, 'are required (store, nodeName, nodeRole, tags)');
    const store = props.store;
    if (!store || typeof (store as SecretStore).secretReference !== 'function') v.fail('props.store', null, 'must be a SecretStore');
    if (cdk.TerraformStack.of(store) !== cdk.TerraformStack.of(this)) {
      v.fail(
        'props.store',
        store.node.path,
        `must be in this construct's stack ('${cdk.TerraformStack.of(this).node.id}'): the key, its secret and its value are made together`,
      );
    }
    const nodeName = v.matching('props.nodeName', props.nodeName, NODE_NAME, "a node name of lower-case letters, digits and '-' such as '900a'");
    const role = parseIamRole(props.nodeRole, store.accountId);
    if (typeof role === 'string') v.fail('props.nodeRole', props.nodeRole ?? null, role);
    this.nodeRole = role;
    const writer = store.terraformRole;
    if (!writer) {
      v.fail(
        'props.store',
        store.node.path,
        'has no terraformRole: set SecretStore props.terraformRole to the IAM role that applies this stack; it writes the key into the secret',
      );
    }
    if (writer.name === role.name)
      v.fail('props.nodeRole', props.nodeRole, "must not be the store's terraformRole: a node's role must read its own key and nothing more");
    const tags = v.nonEmptyList('props.tags', props.tags, "tailnet tag such as 'tag:derp' (an untagged key makes the node a person's device)", (p, t) =>
      v.matching(p, t, TAG, "a tailnet tag such as 'tag:derp'"),
    );
    const ephemeral = v.boolean('props.ephemeral', props.ephemeral ?? false);
    const expiry = props.expirySeconds ?? MAX_JOIN_KEY_EXPIRY_SECONDS;
    if (typeof expiry !== 'number' || !Number.isInteger(expiry) || expiry < 60 || expiry > MAX_JOIN_KEY_EXPIRY_SECONDS) {
      v.fail('props.expirySeconds', expiry, `must be a whole number of seconds from 60 to ${MAX_JOIN_KEY_EXPIRY_SECONDS} (a join key lives at most an hour)`);
    }
    this.secretName = props.secretName ?? `join-keys/${nodeName}`;
    const nameProblem = secretNameProblem(this.secretName);
    if (nameProblem) v.fail('props.secretName', this.secretName, nameProblem);
    if (cdk.Token.isUnresolved(this.secretName)) v.fail('props.secretName', this.secretName, 'must be a literal');

    const stack = cdk.TerraformStack.of(this);
    if (!props.tailscaleProvider && !stack.node.findAll().some((c) => isTailscaleProvider(c) && c.alias === undefined)) {
      v.fail('props.tailscaleProvider', null, `is needed (or a TailscaleProvider in stack '${stack.node.id}'): the key is a tailscale_tailnet_key`);
    }
    const roles = NODE_ROLES.get(store) ?? new Map<string, string>();
    NODE_ROLES.set(store, roles);
    const sharing = roles.get(role.name);
    if (sharing !== undefined)
      v.fail(
        'props.nodeRole',
        props.nodeRole,
        `is already the role of node '${sharing}' of this store: each node needs its own role, or either could read the other's key`,
      );
    roles.set(role.name, nodeName);

    this.tailnetKey = new TailscaleTailnetKey(this, 'key', {
      reusable: false,
      ephemeral,
      preauthorized: true,
      expiry,
      tags,
      description: `join ${nodeName}`.slice(0, 50),
      recreateIfInvalid: 'never',
      provider: props.tailscaleProvider,
    });
    // Terraform puts the value, and reads it back on every refresh (the AWS provider's read of a secret
    // version is a GetSecretValue), so its role writes and reads; the node's role only reads.
    this.secret = store.addSecret(this.secretName, {
      description: `Single-use tailnet join key of node ${nodeName} (${tags.join(' ')}), valid for ${expiry} s after apply`,
      writers: [writer.given],
      readers: [writer.given, role.given],
    });
    this.readGrant = store.grants.find((g) => g.iamRole?.name === role.name && g.secrets.includes(this.secretName))!;
    // Terraform may put the value only once its role's policy (PutSecretValue, and GenerateDataKey through
    // Secrets Manager) is in place: without the ordering, a first apply can race the policy and fail.
    const writerPolicy = store.grants.find((g) => g.iamRole?.name === writer.name && g.iamPolicy)?.iamPolicy;
    this.secretVersion = new awsClasses.SecretsmanagerSecretVersion(this, 'value', {
      secretId: this.secret.id,
      secretString: this.tailnetKey.key,
      provider: store.provider,
      ...(writerPolicy ? { dependsOn: [writerPolicy] } : {}),
    });
    this.secretReference = store.secretReference(this.secretName);

    this.node.addValidation({
      validate: () => {
        const allowed = new Set([role.name, writer.name]);
        return store.grants
          .filter((g) => g.iamRole && !allowed.has(g.iamRole.name) && g.actions.includes('get') && g.secrets.some((p) => patternMatches(p, this.secretName)))
          .map(
            (g) =>
              v.error(
                'props.nodeRole',
                role.given,
                `must be the only role that reads the join key '${this.secretName}', but a grant of store '${store.node.path}' lets '${g.iamRole!.given}' get it (secrets ${JSON.stringify(g.secrets)}); narrow that grant's patterns`,
              ).message,
          );
      },
    });
  }
}
