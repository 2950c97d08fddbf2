/**
 * `tailscale_device_key`: whether one device's node key expires (hand-written binding of
 * tailscale/terraform-provider-tailscale's schema; see provider.ts). A key that never expires keeps a lost or
 * stolen device on the tailnet for good; the guardrails refuse `keyExpiryDisabled: true`
 * (`tailnet-device-key-expiry`).
 */
import type { TerraformMetaArguments } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import type { Construct } from 'constructs';
import { tailscaleResourceConfig } from './provider';

export interface TailscaleDeviceKeyConfig extends TerraformMetaArguments {
  /** The device's node id (`tailscale_device`'s `node_id`, e.g. `nodeidCNTRL`). */
  readonly deviceId: string;
  /**
   * The device's key never expires. Only for a server that cannot log in again unattended, with a reason.
   * @default false: the key expires after the tailnet's key duration
   */
  readonly keyExpiryDisabled?: boolean;
}

/** Whether one device's node key expires. */
export class TailscaleDeviceKey extends cdk.TerraformResource {
  public static readonly tfResourceType = 'tailscale_device_key';

  private readonly _deviceId: string;
  private readonly _keyExpiryDisabled?: boolean;

  constructor(scope: Construct, id: string, config: TailscaleDeviceKeyConfig) {
    super(scope, id, tailscaleResourceConfig(TailscaleDeviceKey.tfResourceType, config));
    this._deviceId = config.deviceId;
    this._keyExpiryDisabled = config.keyExpiryDisabled;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      device_id: cdk.stringToTerraform(this._deviceId),
      key_expiry_disabled: cdk.booleanToTerraform(this._keyExpiryDisabled),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const attrs = {
      device_id: { value: cdk.stringToHclTerraform(this._deviceId), isBlock: false, type: 'simple', storageClassType: 'string' },
      key_expiry_disabled: { value: cdk.booleanToHclTerraform(this._keyExpiryDisabled), isBlock: false, type: 'simple', storageClassType: 'boolean' },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}
