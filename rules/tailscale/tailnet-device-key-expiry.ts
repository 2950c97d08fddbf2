/** Device node keys keep expiring, so a stolen or forgotten device drops out of the tailnet on its own. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const tailnetDeviceKeyExpiry = defineRule({
  id: 'tailnet-device-key-expiry',
  title: 'Tailscale device keys do not have key expiry disabled',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: ['tailscale_device_key'],
  rationale:
    "A device's node key expires (every 180 days by default) and the user must sign in again to renew it, " +
    "so a lost laptop, a departed employee's machine or a copied node key stops working on its own. " +
    '`key_expiry_disabled = true` keeps that device in the tailnet until someone removes it by hand. Strict: ' +
    'tagged servers, which cannot sign in interactively, legitimately run without expiry (tagging disables ' +
    'it by default).',
  fix: "Remove `key_expiry_disabled` (the default is false); for servers, use tagged devices rather than disabling expiry on a person's device.",
  references: {
    docs: ['https://tailscale.com/kb/1028/key-expiry', 'https://registry.terraform.io/providers/tailscale/tailscale/latest/docs/resources/device_key'],
  },
  examples: {
    failing: { resourceType: 'tailscale_device_key', body: { device_id: 'nodeidCNTRL', key_expiry_disabled: true } },
    passing: { resourceType: 'tailscale_device_key', body: { device_id: 'nodeidCNTRL', key_expiry_disabled: false } },
  },
  check: (key) => requireBool(key.body, 'key_expiry_disabled', 'key expiry', { expected: false, defaultValue: false }),
});
