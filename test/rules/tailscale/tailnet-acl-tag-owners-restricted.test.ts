import { tailnetAclTagOwnersRestricted as rule } from '../../../rules/tailscale/tailnet-acl-tag-owners-restricted';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const owners = (tagOwners: unknown) => findingsFor(rule, 'tailscale_acl', { acl: JSON.stringify({ tagOwners }) });

describe('tailnet-acl-tag-owners-restricted', () => {
  itHonoursItsExamples(rule);

  test('fires for each tag every member can apply', () => {
    const found = owners({ 'tag:prod': ['autogroup:member'], 'tag:dev': ['group:dev', '*'], 'tag:ci': ['autogroup:admin'] });
    expect(kinds(found)).toEqual(['violation', 'violation']);
    expect(found.map((f) => f.attribute)).toEqual(['acl.tagOwners["tag:prod"]', 'acl.tagOwners["tag:dev"]']);
    expect(found[0].severity).toBe('error');
  });

  test('fires in a HuJSON policy', () => {
    const acl = `{ "tagOwners": { "tag:web": ["autogroup:members",], }, /* legacy */ }`;
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl }))).toEqual(['violation']);
  });

  test('quiet for admin, group and tag owners, empty owner lists and no tagOwners', () => {
    expect(owners({ 'tag:prod': ['autogroup:admin', 'group:ops'], 'tag:worker': ['tag:ci'], 'tag:locked': [] })).toEqual([]);
    expect(findingsFor(rule, 'tailscale_acl', { acl: JSON.stringify({ acls: [] }) })).toEqual([]);
  });

  test('unknown when owners are expressions', () => {
    expect(kinds(owners({ 'tag:prod': ['${var.owner}'] }))).toEqual(['unknown']);
    expect(kinds(owners('${jsonencode(local.owners)}'))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'tailscale_acl', { acl: '${local.policy}' }))).toEqual(['unknown']);
  });
});
