/** People who SSH in as root through Tailscale SSH re-authenticate first (check mode). */
import { defineRule } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { containsExpression } from '../../engine/values';
import { entries, readTailnetPolicy, strings } from './policy';

/** Sources that are machines, not people: check mode re-authenticates a person, and a tagged device has none. */
const isMachine = (src: string) => src.startsWith('tag:') || src === 'autogroup:tagged';

export const tailnetAclSshRootCheck = defineRule({
  id: 'tailnet-acl-ssh-root-check',
  title: 'Tailscale SSH rules that let people log in as root use check mode',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['tailscale_acl'],
  rationale:
    'An `ssh` rule with action "accept" lets its sources log in without any prompt: a stolen or unattended ' +
    'laptop that is still signed in to the tailnet is a root shell on every destination the rule names. With ' +
    'action "check", Tailscale asks the person to re-authenticate with the identity provider (and its MFA) ' +
    'before a session, at most once per `checkPeriod`. Rules whose sources are all tagged devices are not ' +
    'reported: machines cannot re-authenticate, and their access is bounded by who may apply the tag.',
  fix:
    'Use `"action": "check"` for rules whose `users` include "root" and whose `src` names users, groups or ' +
    'autogroup:member; or give people `autogroup:nonroot` and let them use sudo.',
  references: { docs: ['https://tailscale.com/kb/1193/tailscale-ssh', 'https://tailscale.com/kb/1337/policy-syntax#ssh'] },
  examples: {
    failing: {
      resourceType: 'tailscale_acl',
      body: { acl: JSON.stringify({ ssh: [{ action: 'accept', src: ['group:ops'], dst: ['tag:server'], users: ['root'] }] }) },
    },
    passing: {
      resourceType: 'tailscale_acl',
      body: {
        acl: JSON.stringify({ ssh: [{ action: 'check', src: ['group:ops'], dst: ['tag:server'], users: ['root', 'autogroup:nonroot'], checkPeriod: '12h' }] }),
      },
    },
  },
  check(resource) {
    const read = readTailnetPolicy(resource);
    if ('result' in read) return read.result;
    const results: CheckResult[] = [];
    entries(read.policy.ssh).forEach((rule, i) => {
      const where = `acl.ssh[${i}]`;
      if ([rule.action, rule.src, rule.users].some(containsExpression)) {
        results.push(unknown(`ssh[${i}] names its action, sources or users with an expression`, where));
        return;
      }
      if (rule.action !== 'accept' || !strings(rule.users).includes('root')) return;
      const people = strings(rule.src).filter((s) => !isMachine(s));
      if (people.length > 0) results.push(violation(`ssh[${i}] lets ${people.join(', ')} log in as root with no re-authentication (action "accept")`, where));
    });
    return results.length > 0 ? results : pass('no SSH rule accepts people as root without check mode', 'acl');
  },
});
