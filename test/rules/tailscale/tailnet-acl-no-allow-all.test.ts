import { tailnetAclNoAllowAll as rule } from '../../../aspects/rules/tailscale/tailnet-acl-no-allow-all';
import { findingsFor, kinds } from '../../helpers/rule-harness';

const acl = (policy: object) => ({ acl: JSON.stringify(policy) });

describe('tailnet-acl-no-allow-all', () => {
  test('fires on the default allow-all ACL, quiet on specific entries', () => {
    expect(kinds(findingsFor(rule, 'tailscale_acl', acl({ acls: [{ action: 'accept', src: ['*'], dst: ['*:*'] }] })))).toEqual(['violation']);
    expect(findingsFor(rule, 'tailscale_acl', acl({ acls: [{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }] }))).toEqual([]);
    expect(findingsFor(rule, 'tailscale_acl', acl({ acls: [{ action: 'accept', src: ['*'], dst: ['tag:web:443'] }] }))).toEqual([]);
  });

  test('fires on an allow-all network grant; an app-capability grant is not network access', () => {
    expect(kinds(findingsFor(rule, 'tailscale_acl', acl({ grants: [{ src: ['*'], dst: ['*'], ip: ['*'] }] })))).toEqual(['violation']);
    expect(findingsFor(rule, 'tailscale_acl', acl({ grants: [{ src: ['*'], dst: ['*'], app: { 'tailscale.com/cap/x': [{}] } }] }))).toEqual([]);
    expect(findingsFor(rule, 'tailscale_acl', acl({ grants: [{ src: ['group:infra'], dst: ['tag:setec'], ip: ['tcp:443'] }] }))).toEqual([]);
  });

  test('a literal policy with Terraform references in string values is still read', () => {
    const withAddresses = acl({ acls: [{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }], derpMap: { Regions: { '900': { Nodes: [{ IPv4: '${aws_eip.relay.public_ip}' }] } } } });
    expect(findingsFor(rule, 'tailscale_acl', withAddresses)).toEqual([]);
    const open = acl({ acls: [{ action: 'accept', src: ['*'], dst: ['*:*'] }], derpMap: { Regions: { '900': { Nodes: [{ IPv4: '${aws_eip.relay.public_ip}' }] } } } });
    expect(kinds(findingsFor(rule, 'tailscale_acl', open))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', acl({ acls: [{ action: 'accept', src: ['${var.who}'], dst: ['*:*'] }] })))).toEqual(['unknown']);
  });

  test('unknown when the policy is an expression or HuJSON; a violation when missing', () => {
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '${file("policy.hujson")}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '{ // comment\n "acls": [] }' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', {}))).toEqual(['violation']);
  });
});
