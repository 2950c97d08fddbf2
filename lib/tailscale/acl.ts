/** `tailscale_acl`: the whole tailnet policy file, as one resource (hand-written binding; see provider.ts). */
import type { TerraformMetaArguments } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import type { Construct } from 'constructs';
import { tailscaleResourceConfig } from './provider';

export interface TailscaleAclConfig extends TerraformMetaArguments {
  /** The policy document, as a JSON (or HuJSON) string. */
  readonly acl: string;
  /**
   * Replace a policy that Terraform did not create, without importing it first.
   * @default false: the provider refuses to overwrite a non-default policy it has not imported, so an
   * existing hand-edited policy is never silently replaced
   */
  readonly overwriteExistingContent?: boolean;
}

export class TailscaleAcl extends cdk.TerraformResource {
  public static readonly tfResourceType = 'tailscale_acl';

  private readonly _acl: string;
  private readonly _overwriteExistingContent?: boolean;

  constructor(scope: Construct, id: string, config: TailscaleAclConfig) {
    super(scope, id, tailscaleResourceConfig(TailscaleAcl.tfResourceType, config));
    this._acl = config.acl;
    this._overwriteExistingContent = config.overwriteExistingContent;
  }

  /** The policy as Terraform holds it (a token). */
  public get acl(): string {
    return this.getStringAttribute('acl');
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      acl: cdk.stringToTerraform(this._acl),
      overwrite_existing_content: cdk.booleanToTerraform(this._overwriteExistingContent),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const attrs = {
      acl: { value: cdk.stringToHclTerraform(this._acl), isBlock: false, type: 'simple', storageClassType: 'string' },
      overwrite_existing_content: {
        value: cdk.booleanToHclTerraform(this._overwriteExistingContent),
        isBlock: false,
        type: 'simple',
        storageClassType: 'boolean',
      },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}
