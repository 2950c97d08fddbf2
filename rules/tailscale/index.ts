/** Rules for the Tailscale provider's resources (auth keys, the tailnet policy). */
import type { Rule } from '../../engine/rule';
import { tailnetAclNoAllowAll } from './tailnet-acl-no-allow-all';
import { tailnetKeyRestricted } from './tailnet-key-restricted';

export const tailscaleRules: readonly Rule[] = [tailnetKeyRestricted, tailnetAclNoAllowAll];
