/** Only named owners may apply a tag: tags carry access, so "anyone can tag" means anyone gets that access. */
import { defineRule } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { containsExpression, isObject } from '../../engine/values';
import { readTailnetPolicy, strings } from './policy';

/** Owners that mean every member of the tailnet (`autogroup:members` is the older spelling). */
const EVERY_MEMBER = new Set(['*', 'autogroup:member', 'autogroup:members']);

export const tailnetAclTagOwnersRestricted = defineRule({
  id: 'tailnet-acl-tag-owners-restricted',
  title: 'Tags in the tailnet policy are not owned by every member',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['tailscale_acl'],
  rationale:
    "A tag's owners may apply it to any device they control, and the device then gets everything the policy " +
    'grants that tag. Rules written for servers (`tag:prod` reaches the database, `tag:monitoring` scrapes ' +
    'every node) mean nothing if `tagOwners` lets `autogroup:member` apply them: any user, or malware on any ' +
    "laptop, can tag their own machine and take the servers' access. Tagging also turns off key expiry by " +
    'default.',
  fix: 'Make tags owned by `autogroup:admin`, a small `group:` of operators, or another tag (for automation); never `autogroup:member`.',
  references: { docs: ['https://tailscale.com/kb/1068/tags', 'https://tailscale.com/kb/1337/policy-syntax#tag-owners'] },
  examples: {
    failing: { resourceType: 'tailscale_acl', body: { acl: JSON.stringify({ tagOwners: { 'tag:prod': ['autogroup:member'] } }) } },
    passing: { resourceType: 'tailscale_acl', body: { acl: JSON.stringify({ tagOwners: { 'tag:prod': ['autogroup:admin', 'group:ops'] } }) } },
  },
  check(resource) {
    const read = readTailnetPolicy(resource);
    if ('result' in read) return read.result;
    const owners = read.policy.tagOwners;
    if (owners === undefined || owners === null) return pass('no tagOwners: only admins can apply tags', 'acl');
    if (!isObject(owners))
      return containsExpression(owners) ? unknown('tagOwners is an expression', 'acl.tagOwners') : pass('tagOwners is not an object', 'acl.tagOwners');
    const results: CheckResult[] = [];
    for (const [tag, list] of Object.entries(owners)) {
      const where = `acl.tagOwners["${tag}"]`;
      const open = strings(list).filter((o) => EVERY_MEMBER.has(o));
      if (open.length > 0) results.push(violation(`${tag} can be applied by ${open.join(', ')}: every member can give a device its access`, where));
      else if (containsExpression(list) || containsExpression(tag)) results.push(unknown(`the owners of ${tag} are an expression`, where));
    }
    return results.length > 0 ? results : pass('every tag has named owners', 'acl.tagOwners');
  },
});
