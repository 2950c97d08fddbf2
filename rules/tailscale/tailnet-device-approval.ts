/** New devices wait for an admin's approval before they can reach anything in the tailnet. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const tailnetDeviceApproval = defineRule({
  id: 'tailnet-device-approval',
  title: 'Tailnet settings turn device approval on',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['tailscale_tailnet_settings'],
  rationale:
    'Without device approval, anyone who signs in as a tailnet user (a phished SSO session, a leaked ' +
    'password, a personal device a user should not have joined) adds a device that can at once reach ' +
    'everything the policy grants that user. With `devices_approval_on = true`, a new device stays isolated ' +
    'until an admin approves it; pre-authorized auth keys for servers still join without a prompt. The ' +
    'attribute is optional and computed: left unset, Terraform keeps whatever the tailnet has (off for a new ' +
    'tailnet), so only an explicit true counts.',
  fix: 'Set `devices_approval_on = true`; create server auth keys with `preauthorized = true`.',
  references: {
    docs: [
      'https://tailscale.com/kb/1099/device-approval',
      'https://registry.terraform.io/providers/tailscale/tailscale/latest/docs/resources/tailnet_settings',
    ],
  },
  examples: {
    failing: { resourceType: 'tailscale_tailnet_settings', body: { devices_approval_on: false, users_approval_on: true } },
    passing: { resourceType: 'tailscale_tailnet_settings', body: { devices_approval_on: true, users_approval_on: true } },
  },
  check: (settings) => requireBool(settings.body, 'devices_approval_on', 'device approval'),
});
