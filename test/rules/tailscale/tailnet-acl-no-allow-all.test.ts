import { tailnetAclNoAllowAll as rule } from '../../../rules/tailscale/tailnet-acl-no-allow-all';
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
    const withAddresses = acl({
      acls: [{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }],
      derpMap: { Regions: { '900': { Nodes: [{ IPv4: '${aws_eip.relay.public_ip}' }] } } },
    });
    expect(findingsFor(rule, 'tailscale_acl', withAddresses)).toEqual([]);
    const open = acl({
      acls: [{ action: 'accept', src: ['*'], dst: ['*:*'] }],
      derpMap: { Regions: { '900': { Nodes: [{ IPv4: '${aws_eip.relay.public_ip}' }] } } },
    });
    expect(kinds(findingsFor(rule, 'tailscale_acl', open))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', acl({ acls: [{ action: 'accept', src: ['${var.who}'], dst: ['*:*'] }] })))).toEqual(['unknown']);
  });

  describe("HuJSON (what Tailscale's policy file accepts: comments and trailing commas)", () => {
    // The shape of Tailscale's own default policy file, as the admin console writes it.
    const defaultPolicy = `// Example/default ACLs for unrestricted connections.
{
	// Declare static groups of users. Use autogroups for all users or users with a specific role.
	// "groups": {
	//   "group:example": ["alice@example.com", "bob@example.com"],
	// },

	// Define access control lists for users, groups, autogroups, tags,
	// Tailscale IP addresses, and subnet ranges.
	"acls": [
		// Allow all connections.
		// Comment this section out if you want to define specific restrictions.
		{"action": "accept", "src": ["*"], "dst": ["*:*"]},
	],

	/* Test access rules every time they're saved. */
	"tests": [
		// {
		//   "src": "alice@example.com",
		//   "accept": ["tag:example"],
		//   "deny": ["100.101.102.103:443"],
		// },
	],
}
`;
    const restricted = `{
  // Monitoring scrapes the relays, nothing else.
  "tagOwners": { "tag:derp": ["autogroup:admin"], "tag:monitoring": ["autogroup:admin",], },
  "acls": [
    { "action": "accept", "src": ["tag:monitoring"], "dst": ["tag:derp:9100"], }, // node exporter
  ],
  "grants": [
    /* setec */ { "src": ["group:infra"], "dst": ["tag:setec"], "ip": ["tcp:443"] },
  ],
}`;

    test('the default allow-all policy written as HuJSON fires', () => {
      const found = findingsFor(rule, 'tailscale_acl', { acl: defaultPolicy });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('acl.acls[0]');
    });

    test('a restricted HuJSON policy is read and passes', () => {
      expect(findingsFor(rule, 'tailscale_acl', { acl: restricted })).toEqual([]);
    });

    test('an allow-all grant hidden after comments and trailing commas fires', () => {
      const acl = `{ "grants": [ // everyone\n { "src": ["*"], "dst": ["*"], "ip": ["*"], }, ], }`;
      expect(kinds(findingsFor(rule, 'tailscale_acl', { acl }))).toEqual(['violation']);
    });

    test('HuJSON with Terraform references in string values is still read', () => {
      const acl = `{ "acls": [ { "action": "accept", "src": ["\${var.who}"], "dst": ["*:*"] }, ], /* x */ }`;
      expect(kinds(findingsFor(rule, 'tailscale_acl', { acl }))).toEqual(['unknown']);
    });

    test('unknown only when it really cannot be parsed', () => {
      for (const acl of ['{ "acls": [ ', '{ "acls": [] } trailing', '{ acls: [] }', "{ 'acls': [] }", '', '   ']) {
        const found = findingsFor(rule, 'tailscale_acl', { acl });
        expect(kinds(found)).toEqual(['unknown']);
        expect(found[0].message).toMatch(/neither JSON nor HuJSON/);
      }
    });
  });

  test('unknown when the policy is an expression; a violation when missing or not an object', () => {
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '${file("policy.hujson")}' }))).toEqual(['unknown']);
    expect(findingsFor(rule, 'tailscale_acl', { acl: '${file("policy.hujson")}' })[0].message).toContain('acl is ${file("policy.hujson")}');
    expect(kinds(findingsFor(rule, 'tailscale_acl', {}))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '[ // a list\n ]' }))).toEqual(['violation']);
  });
});
