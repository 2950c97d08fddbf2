/** Rules for the Tailscale provider's resources (auth keys, the tailnet policy, tailnet settings, device keys). */
import type { Rule } from '../../engine/rule';
import { tailnetAclNoAllowAll } from './tailnet-acl-no-allow-all';
import { tailnetAclSshRootCheck } from './tailnet-acl-ssh-root-check';
import { tailnetAclTagOwnersRestricted } from './tailnet-acl-tag-owners-restricted';
import { tailnetDeviceApproval } from './tailnet-device-approval';
import { tailnetDeviceKeyExpiry } from './tailnet-device-key-expiry';
import { tailnetKeyRestricted } from './tailnet-key-restricted';
import { tailnetUserApproval } from './tailnet-user-approval';

export const tailscaleRules: readonly Rule[] = [
  tailnetKeyRestricted,
  tailnetAclNoAllowAll,
  tailnetAclSshRootCheck,
  tailnetAclTagOwnersRestricted,
  tailnetDeviceApproval,
  tailnetUserApproval,
  tailnetDeviceKeyExpiry,
];
