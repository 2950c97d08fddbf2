import { tailnetAclSshRootCheck as rule } from '../../../rules/tailscale/tailnet-acl-ssh-root-check';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const ssh = (...rules: unknown[]) => findingsFor(rule, 'tailscale_acl', { acl: JSON.stringify({ ssh: rules }) });
const entry = (extra: Record<string, unknown>) => ({ action: 'accept', src: ['group:ops'], dst: ['tag:server'], users: ['root'], ...extra });

describe('tailnet-acl-ssh-root-check', () => {
  itHonoursItsExamples(rule);

  test('fires when people may log in as root with action accept', () => {
    const found = ssh(entry({ action: 'check' }), entry({ src: ['autogroup:member', 'tag:ci'] }));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'acl.ssh[1]' });
    expect(found[0].message).toContain('autogroup:member');
    expect(found[0].message).not.toContain('tag:ci');
  });

  test('fires in a HuJSON policy', () => {
    const acl = `{ // ops\n "ssh": [ { "action": "accept", "src": ["alice@example.com"], "dst": ["autogroup:self"], "users": ["root",], }, ], }`;
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl }))).toEqual(['violation']);
  });

  test('quiet for check mode, non-root users, tagged sources and policies without ssh', () => {
    expect(ssh(entry({ action: 'check' }))).toEqual([]);
    expect(ssh(entry({ users: ['autogroup:nonroot', 'ubuntu'] }))).toEqual([]);
    expect(ssh(entry({ src: ['tag:ci', 'autogroup:tagged'] }))).toEqual([]);
    expect(findingsFor(rule, 'tailscale_acl', { acl: JSON.stringify({ acls: [] }) })).toEqual([]);
    expect(findingsFor(rule, 'tailscale_acl', {})).toEqual([]);
  });

  test("unknown when the policy, or an entry's action, sources or users, is an expression", () => {
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '${file("policy.hujson")}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '{ "ssh": [ ' }))).toEqual(['unknown']);
    expect(kinds(ssh(entry({ src: ['${var.who}'] })))).toEqual(['unknown']);
    expect(kinds(ssh(entry({ users: ['${var.user}'] })))).toEqual(['unknown']);
    expect(kinds(ssh(entry({ action: '${var.action}' })))).toEqual(['unknown']);
  });
});
