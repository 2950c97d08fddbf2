import { tailnetDeviceApproval as rule } from '../../../rules/tailscale/tailnet-device-approval';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (body: Record<string, unknown>) => findingsFor(rule, 'tailscale_tailnet_settings', body);

describe('tailnet-device-approval', () => {
  itHonoursItsExamples(rule);

  test("fires when false, and when unset (Terraform keeps the tailnet's current setting)", () => {
    const found = check({ devices_approval_on: false });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'devices_approval_on' });
    expect(kinds(check({ users_approval_on: true }))).toEqual(['violation']);
  });

  test('quiet when true', () => {
    expect(check({ devices_approval_on: true })).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ devices_approval_on: '${var.approval}' }))).toEqual(['unknown']);
  });
});
