/**
 * A hand-written binding for the `tailscale/tailscale` Terraform provider (no prebuilt cdktf package
 * exists). It covers what the constructs here need and nothing more: the provider block, `tailscale_acl`
 * (acl.ts) and `tailscale_tailnet_key` (tailnet-key.ts). Shaped like the generated bindings in
 * @cdktf/provider-aws: config is kept in private fields and mapped to snake_case in synthesizeAttributes.
 */
import type { TerraformMetaArguments, TerraformProvider } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import type { Construct } from 'constructs';
import { ConstructConfigError } from '../errors';

/**
 * The provider version every stack gets, pinned exactly: a provider is code that runs with the tailnet
 * admin credentials, so it changes only by a reviewed edit here. v0.29.2 (2026-05-26) is the newest release
 * of github.com/tailscale/terraform-provider-tailscale; its `tailscale_acl` has `acl` and
 * `overwrite_existing_content`, its `tailscale_tailnet_key` the attributes TailscaleTailnetKey sets.
 */
export const TAILSCALE_PROVIDER_VERSION = '0.29.2';

/** Registry source of the provider. */
export const TAILSCALE_PROVIDER_SOURCE = 'tailscale/tailscale';

/** Generator metadata shared by the provider and its resources (cdktf reads providerName from it). */
export const TAILSCALE_GENERATOR_METADATA = {
  providerName: 'tailscale',
  providerVersion: TAILSCALE_PROVIDER_VERSION,
  providerVersionConstraint: TAILSCALE_PROVIDER_VERSION,
} as const;

export interface TailscaleProviderConfig {
  /**
   * OAuth client id. Prefer the `TAILSCALE_OAUTH_CLIENT_ID` environment variable.
   * @default read by the provider from TAILSCALE_OAUTH_CLIENT_ID
   */
  readonly oauthClientId?: string;
  /**
   * OAuth client secret. Must be a token (a sensitive TerraformVariable), never a literal: a literal would
   * be written in plain text to cdk.tf.json. Prefer the `TAILSCALE_OAUTH_CLIENT_SECRET` environment variable.
   * @default read by the provider from TAILSCALE_OAUTH_CLIENT_SECRET
   */
  readonly oauthClientSecret?: string;
  /**
   * OAuth scopes to request, e.g. `['policy_file', 'auth_keys']`.
   * @default the scopes the OAuth client was created with
   */
  readonly scopes?: readonly string[];
  /**
   * API access token. Same rule as oauthClientSecret: a token only. OAuth clients are preferred (scoped,
   * not tied to a person, no 90-day expiry to forget).
   * @default read by the provider from TAILSCALE_API_KEY
   */
  readonly apiKey?: string;
  /**
   * Tailnet id.
   * @default the tailnet that owns the credentials (`-`)
   */
  readonly tailnet?: string;
  /**
   * API base URL.
   * @default https://api.tailscale.com
   */
  readonly baseUrl?: string;
  /**
   * Provider alias, for a second tailnet in the same stack.
   * @default no alias
   */
  readonly alias?: string;
}

/** Thrown for a provider configuration that would leak a credential or cannot work. */
export class TailscaleProviderConfigError extends ConstructConfigError {
  constructor(path: string, prop: string, reason: string) {
    // No value: the props it is thrown for are credentials.
    super({ constructKind: 'TailscaleProvider', constructPath: path, prop, reason });
    this.name = 'TailscaleProviderConfigError';
  }
}

/** The `tailscale` provider block, with `tailscale/tailscale` pinned in required_providers. */
export class TailscaleProvider extends cdk.TerraformProvider {
  private readonly _oauthClientId?: string;
  private readonly _oauthClientSecret?: string;
  private readonly _scopes?: readonly string[];
  private readonly _apiKey?: string;
  private readonly _tailnet?: string;
  private readonly _baseUrl?: string;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: TailscaleProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'tailscale',
      terraformGeneratorMetadata: TAILSCALE_GENERATOR_METADATA,
      terraformProviderSource: TAILSCALE_PROVIDER_SOURCE,
    });
    for (const prop of ['oauthClientSecret', 'apiKey'] as const) {
      const value = config[prop];
      if (value !== undefined && !cdk.Token.isUnresolved(value)) {
        throw new TailscaleProviderConfigError(
          this.node.path,
          `config.${prop}`,
          'is a literal string; it would be written in plain text to cdk.tf.json. Pass a sensitive TerraformVariable, or leave it out and set the environment variable.',
        );
      }
    }
    if (config.apiKey !== undefined && (config.oauthClientId !== undefined || config.oauthClientSecret !== undefined)) {
      throw new TailscaleProviderConfigError(this.node.path, 'config.apiKey', 'conflicts with oauthClientId/oauthClientSecret; use one way to authenticate');
    }
    this._oauthClientId = config.oauthClientId;
    this._oauthClientSecret = config.oauthClientSecret;
    this._scopes = config.scopes;
    this._apiKey = config.apiKey;
    this._tailnet = config.tailnet;
    this._baseUrl = config.baseUrl;
    this._alias = config.alias;
  }

  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      api_key: cdk.stringToTerraform(this._apiKey),
      oauth_client_id: cdk.stringToTerraform(this._oauthClientId),
      oauth_client_secret: cdk.stringToTerraform(this._oauthClientSecret),
      scopes: cdk.listMapper(cdk.stringToTerraform, false)(this._scopes),
      tailnet: cdk.stringToTerraform(this._tailnet),
      base_url: cdk.stringToTerraform(this._baseUrl),
      alias: cdk.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const attrs: Record<string, { value: unknown; isBlock: boolean; type: string; storageClassType: string }> = {
      api_key: { value: cdk.stringToHclTerraform(this._apiKey), isBlock: false, type: 'simple', storageClassType: 'string' },
      oauth_client_id: { value: cdk.stringToHclTerraform(this._oauthClientId), isBlock: false, type: 'simple', storageClassType: 'string' },
      oauth_client_secret: { value: cdk.stringToHclTerraform(this._oauthClientSecret), isBlock: false, type: 'simple', storageClassType: 'string' },
      scopes: { value: this._scopes ? [...this._scopes] : undefined, isBlock: false, type: 'list', storageClassType: 'stringList' },
      tailnet: { value: cdk.stringToHclTerraform(this._tailnet), isBlock: false, type: 'simple', storageClassType: 'string' },
      base_url: { value: cdk.stringToHclTerraform(this._baseUrl), isBlock: false, type: 'simple', storageClassType: 'string' },
      alias: { value: cdk.stringToHclTerraform(this._alias), isBlock: false, type: 'simple', storageClassType: 'string' },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}

/** Whether a construct is a TailscaleProvider (by class, whichever copy of this module made it). */
export function isTailscaleProvider(x: unknown): x is TailscaleProvider {
  return cdk.TerraformProvider.isTerraformProvider(x) && (x as TerraformProvider).terraformResourceType === 'tailscale';
}

/**
 * What every hand-written tailscale resource binding passes to TerraformResource: its type, the provider's
 * generator metadata, and the meta-arguments (provider, depends_on, count, lifecycle, …) as given.
 */
export function tailscaleResourceConfig(terraformResourceType: string, config: TerraformMetaArguments) {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: TAILSCALE_GENERATOR_METADATA,
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    provisioners: config.provisioners,
    connection: config.connection,
    forEach: config.forEach,
  };
}
