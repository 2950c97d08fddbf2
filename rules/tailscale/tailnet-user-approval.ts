/** New users wait for an admin's approval before they join the tailnet. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const tailnetUserApproval = defineRule({
  id: 'tailnet-user-approval',
  title: 'Tailnet settings turn user approval on',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: ['tailscale_tailnet_settings'],
  rationale:
    "Without user approval, every account of the identity provider's domain that signs in becomes a tailnet " +
    "member, with whatever the policy grants `autogroup:member`: a contractor's or a forgotten test account " +
    'is in the network as soon as it logs in. With `users_approval_on = true` an admin approves each new user. ' +
    "Left unset, Terraform keeps the tailnet's current setting, so only an explicit true counts. Strict: " +
    'tailnets whose identity provider already admits only the right people can do without it.',
  fix: 'Set `users_approval_on = true`.',
  references: {
    docs: ['https://tailscale.com/kb/1239/user-approval', 'https://registry.terraform.io/providers/tailscale/tailscale/latest/docs/resources/tailnet_settings'],
  },
  examples: {
    failing: { resourceType: 'tailscale_tailnet_settings', body: { devices_approval_on: true, users_approval_on: false } },
    passing: { resourceType: 'tailscale_tailnet_settings', body: { devices_approval_on: true, users_approval_on: true } },
  },
  check: (settings) => requireBool(settings.body, 'users_approval_on', 'user approval'),
});
