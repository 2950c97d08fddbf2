/**
 * `tailscale_tailnet_settings`: the tailnet-wide switches (device and user approval, key lifetime, …), as one
 * resource (hand-written binding of tailscale/terraform-provider-tailscale's schema; see provider.ts). Every
 * argument is optional: one left out keeps the tailnet's current value. The guardrails ask for device and
 * user approval (`tailnet-device-approval`, `tailnet-user-approval`).
 */
import type { TerraformMetaArguments } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import type { Construct } from 'constructs';
import { tailscaleResourceConfig } from './provider';

export interface TailscaleTailnetSettingsConfig extends TerraformMetaArguments {
  /**
   * New devices need an admin's approval before they reach anything.
   * @default the tailnet's current value (off for a new tailnet)
   */
  readonly devicesApprovalOn?: boolean;
  /**
   * New users need an admin's approval before they join.
   * @default the tailnet's current value (off for a new tailnet)
   */
  readonly usersApprovalOn?: boolean;
  /**
   * Days before a device's node key expires and it must log in again (1 to 180).
   * @default the tailnet's current value (180 for a new tailnet)
   */
  readonly devicesKeyDurationDays?: number;
  /**
   * Devices update Tailscale on their own.
   * @default the tailnet's current value
   */
  readonly devicesAutoUpdatesOn?: boolean;
  /**
   * The policy file cannot be edited in the admin console (it is managed here, or elsewhere).
   * @default the tailnet's current value
   */
  readonly aclsExternallyManagedOn?: boolean;
  /**
   * Where the policy is managed, shown in the admin console (an http(s) URL).
   * @default the tailnet's current value
   */
  readonly aclsExternalLink?: string;
  /**
   * Which user roles may join other tailnets: `none`, `member` or `admin`.
   * @default the tailnet's current value
   */
  readonly usersRoleAllowedToJoinExternalTailnet?: string;
  /**
   * Network flow logs are recorded.
   * @default the tailnet's current value
   */
  readonly networkFlowLoggingOn?: boolean;
  /**
   * Regional routing of subnet routes.
   * @default the tailnet's current value
   */
  readonly regionalRoutingOn?: boolean;
  /**
   * Device posture identity (serial numbers) is collected.
   * @default the tailnet's current value
   */
  readonly postureIdentityCollectionOn?: boolean;
  /**
   * HTTPS certificates for MagicDNS names.
   * @default the tailnet's current value
   */
  readonly httpsEnabled?: boolean;
}

/** The tailnet-wide settings; arguments left out keep the tailnet's current values. */
export class TailscaleTailnetSettings extends cdk.TerraformResource {
  public static readonly tfResourceType = 'tailscale_tailnet_settings';

  private readonly _aclsExternallyManagedOn?: boolean;
  private readonly _aclsExternalLink?: string;
  private readonly _devicesApprovalOn?: boolean;
  private readonly _devicesAutoUpdatesOn?: boolean;
  private readonly _devicesKeyDurationDays?: number;
  private readonly _usersApprovalOn?: boolean;
  private readonly _usersRoleAllowedToJoinExternalTailnet?: string;
  private readonly _networkFlowLoggingOn?: boolean;
  private readonly _regionalRoutingOn?: boolean;
  private readonly _postureIdentityCollectionOn?: boolean;
  private readonly _httpsEnabled?: boolean;

  constructor(scope: Construct, id: string, config: TailscaleTailnetSettingsConfig = {}) {
    super(scope, id, tailscaleResourceConfig(TailscaleTailnetSettings.tfResourceType, config));
    this._aclsExternallyManagedOn = config.aclsExternallyManagedOn;
    this._aclsExternalLink = config.aclsExternalLink;
    this._devicesApprovalOn = config.devicesApprovalOn;
    this._devicesAutoUpdatesOn = config.devicesAutoUpdatesOn;
    this._devicesKeyDurationDays = config.devicesKeyDurationDays;
    this._usersApprovalOn = config.usersApprovalOn;
    this._usersRoleAllowedToJoinExternalTailnet = config.usersRoleAllowedToJoinExternalTailnet;
    this._networkFlowLoggingOn = config.networkFlowLoggingOn;
    this._regionalRoutingOn = config.regionalRoutingOn;
    this._postureIdentityCollectionOn = config.postureIdentityCollectionOn;
    this._httpsEnabled = config.httpsEnabled;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      acls_externally_managed_on: cdk.booleanToTerraform(this._aclsExternallyManagedOn),
      acls_external_link: cdk.stringToTerraform(this._aclsExternalLink),
      devices_approval_on: cdk.booleanToTerraform(this._devicesApprovalOn),
      devices_auto_updates_on: cdk.booleanToTerraform(this._devicesAutoUpdatesOn),
      devices_key_duration_days: cdk.numberToTerraform(this._devicesKeyDurationDays),
      users_approval_on: cdk.booleanToTerraform(this._usersApprovalOn),
      users_role_allowed_to_join_external_tailnet: cdk.stringToTerraform(this._usersRoleAllowedToJoinExternalTailnet),
      network_flow_logging_on: cdk.booleanToTerraform(this._networkFlowLoggingOn),
      regional_routing_on: cdk.booleanToTerraform(this._regionalRoutingOn),
      posture_identity_collection_on: cdk.booleanToTerraform(this._postureIdentityCollectionOn),
      https_enabled: cdk.booleanToTerraform(this._httpsEnabled),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    const attrs = {
      acls_externally_managed_on: {
        value: cdk.booleanToHclTerraform(this._aclsExternallyManagedOn),
        isBlock: false,
        type: 'simple',
        storageClassType: 'boolean',
      },
      acls_external_link: { value: cdk.stringToHclTerraform(this._aclsExternalLink), isBlock: false, type: 'simple', storageClassType: 'string' },
      devices_approval_on: { value: cdk.booleanToHclTerraform(this._devicesApprovalOn), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      devices_auto_updates_on: { value: cdk.booleanToHclTerraform(this._devicesAutoUpdatesOn), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      devices_key_duration_days: { value: cdk.numberToHclTerraform(this._devicesKeyDurationDays), isBlock: false, type: 'simple', storageClassType: 'number' },
      users_approval_on: { value: cdk.booleanToHclTerraform(this._usersApprovalOn), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      users_role_allowed_to_join_external_tailnet: {
        value: cdk.stringToHclTerraform(this._usersRoleAllowedToJoinExternalTailnet),
        isBlock: false,
        type: 'simple',
        storageClassType: 'string',
      },
      network_flow_logging_on: { value: cdk.booleanToHclTerraform(this._networkFlowLoggingOn), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      regional_routing_on: { value: cdk.booleanToHclTerraform(this._regionalRoutingOn), isBlock: false, type: 'simple', storageClassType: 'boolean' },
      posture_identity_collection_on: {
        value: cdk.booleanToHclTerraform(this._postureIdentityCollectionOn),
        isBlock: false,
        type: 'simple',
        storageClassType: 'boolean',
      },
      https_enabled: { value: cdk.booleanToHclTerraform(this._httpsEnabled), isBlock: false, type: 'simple', storageClassType: 'boolean' },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}
