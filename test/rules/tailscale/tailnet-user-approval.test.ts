import { tailnetUserApproval as rule } from '../../../rules/tailscale/tailnet-user-approval';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (body: Record<string, unknown>) => findingsFor(rule, 'tailscale_tailnet_settings', body);

describe('tailnet-user-approval', () => {
  itHonoursItsExamples(rule);

  test('fires when false, and when unset', () => {
    const found = check({ users_approval_on: false });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'users_approval_on' });
    expect(kinds(check({ devices_approval_on: true }))).toEqual(['violation']);
  });

  test('quiet when true', () => {
    expect(check({ users_approval_on: true })).toEqual([]);
  });

  test('unknown for an expression', () => {
    expect(kinds(check({ users_approval_on: '${var.approval}' }))).toEqual(['unknown']);
  });
});
