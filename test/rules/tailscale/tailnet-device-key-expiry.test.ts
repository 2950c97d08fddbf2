import { tailnetDeviceKeyExpiry as rule } from '../../../rules/tailscale/tailnet-device-key-expiry';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) => findingsFor(rule, 'tailscale_device_key', { device_id: 'nodeidCNTRL', ...extra });

describe('tailnet-device-key-expiry', () => {
  itHonoursItsExamples(rule);

  test('fires when key expiry is disabled', () => {
    const found = check({ key_expiry_disabled: true });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'key_expiry_disabled' });
  });

  test('quiet when false or unset (the default is false)', () => {
    expect(check({ key_expiry_disabled: false })).toEqual([]);
    expect(check({})).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ key_expiry_disabled: '${var.no_expiry}' }))).toEqual(['unknown']);
  });
});
