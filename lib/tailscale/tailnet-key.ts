/**
 * `tailscale_tailnet_key`: a pre-authentication key (hand-written binding; see provider.ts). The key itself
 * is only ever exposed as a token (`key`), which Terraform marks sensitive; it is never a construct prop.
 */
import type { TerraformMetaArguments } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import type { Construct } from 'constructs';
import { tailscaleResourceConfig } from './provider';
import { ConstructConfigError } from '../errors';

export interface TailscaleTailnetKeyConfig extends TerraformMetaArguments {
  /**
   * Whether the key can register more than one node.
   * @default false (single use): a leaked key that was already used is worthless
   */
  readonly reusable?: boolean;
  /**
   * Whether nodes registered with it are removed when they go offline.
   * @default false
   */
  readonly ephemeral?: boolean;
  /**
   * Whether nodes registered with it skip device approval.
   * @default false
   */
  readonly preauthorized?: boolean;
  /**
   * Lifetime of the key in seconds.
   * @default the provider's default, 7776000 (90 days); set it much shorter for boot-time keys
   */
  readonly expiry?: number;
  /**
   * Tags the registered nodes get (`tag:derp`). A tagged key makes tagged nodes, whose node keys do not
   * expire with a user's login.
   * @default no tags
   */
  readonly tags?: readonly string[];
  /**
   * Description (at most 50 characters; letters, digits, spaces and `-`).
   * @default ''
   */
  readonly description?: string;
  /**
   * Whether Terraform creates a new key once this one is used up, expired or revoked. A new key changes
   * every attribute that refers to it (user data: a replaced droplet).
   * @default the provider's: 'always' for reusable keys, 'never' for single-use ones
   */
  readonly recreateIfInvalid?: 'always' | 'never';
}

/** A prop of TailscaleTailnetKey is invalid. */
export class TailnetKeyConfigError extends ConstructConfigError {
  constructor(path: string, prop: string, value: unknown, reason: string) {
    super({ constructKind: 'TailscaleTailnetKey', constructPath: path, prop, value, reason });
    this.name = 'TailnetKeyConfigError';
  }
}

export class TailscaleTailnetKey extends cdk.TerraformResource {
  public static readonly tfResourceType = 'tailscale_tailnet_key';

  private readonly _reusable?: boolean;
  private readonly _ephemeral?: boolean;
  private readonly _preauthorized?: boolean;
  private readonly _expiry?: number;
  private readonly _tags?: readonly string[];
  private readonly _description?: string;
  private readonly _recreateIfInvalid?: string;

  constructor(scope: Construct, id: string, config: TailscaleTailnetKeyConfig = {}) {
    super(scope, id, tailscaleResourceConfig(TailscaleTailnetKey.tfResourceType, config));
    const path = this.node.path;
    if (config.expiry !== undefined && !cdk.Token.isUnresolved(config.expiry) && (!Number.isInteger(config.expiry) || config.expiry <= 0)) {
      throw new TailnetKeyConfigError(path, 'config.expiry', config.expiry, 'must be a positive whole number of seconds');
    }
    for (const [i, tag] of (config.tags ?? []).entries()) {
      if (!cdk.Token.isUnresolved(tag) && !/^tag:[a-z0-9-]+$/.test(tag)) {
        throw new TailnetKeyConfigError(path, `config.tags[${i}]`, tag, "must be a tag such as 'tag:derp'");
      }
    }
    if (config.description !== undefined && !cdk.Token.isUnresolved(config.description) && !/^[A-Za-z0-9 -]{0,50}$/.test(config.description)) {
      throw new TailnetKeyConfigError(path, 'config.description', config.description, "must be at most 50 letters, digits, spaces or '-'");
    }
    this._reusable = config.reusable;
    this._ephemeral = config.ephemeral;
    this._preauthorized = config.preauthorized;
    this._expiry = config.expiry;
    this._tags = config.tags;
    this._description = config.description;
    if (config.recreateIfInvalid !== undefined && !['always', 'never'].includes(config.recreateIfInvalid)) {
      throw new TailnetKeyConfigError(path, 'config.recreateIfInvalid', config.recreateIfInvalid, "must be 'always' or 'never'");
    }
    this._recreateIfInvalid = config.recreateIfInvalid;
  }

  /** The auth key (a token; Terraform keeps it sensitive). Never put it in an output or a file. */
  public get key(): string {
    return this.getStringAttribute('key');
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** RFC 3339 time the key expires. */
  public get expiresAt(): string {
    return this.getStringAttribute('expires_at');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      reusable: cdk.booleanToTerraform(this._reusable),
      ephemeral: cdk.booleanToTerraform(this._ephemeral),
      preauthorized: cdk.booleanToTerraform(this._preauthorized),
      expiry: cdk.numberToTerraform(this._expiry),
      tags: cdk.listMapper(cdk.stringToTerraform, false)(this._tags),
      description: cdk.stringToTerraform(this._description),
      recreate_if_invalid: cdk.stringToTerraform(this._recreateIfInvalid),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const attrs = {
      reusable: { value: cdk.booleanToHclTerraform(this._reusable), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      ephemeral: { value: cdk.booleanToHclTerraform(this._ephemeral), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      preauthorized: { value: cdk.booleanToHclTerraform(this._preauthorized), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      expiry: { value: cdk.numberToHclTerraform(this._expiry), isBlock: false, type: 'simple', storageClassType: 'number' },
      tags: { value: this._tags ? [...this._tags] : undefined, isBlock: false, type: 'set', storageClassType: 'stringList' },
      description: { value: cdk.stringToHclTerraform(this._description), isBlock: false, type: 'simple', storageClassType: 'string' },
      recreate_if_invalid: { value: cdk.stringToHclTerraform(this._recreateIfInvalid), isBlock: false, type: 'simple', storageClassType: 'string' },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}
