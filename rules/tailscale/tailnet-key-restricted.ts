/**
 * A tailnet auth key is a credential that adds machines to the network. Keys made by Terraform should be
 * as small a credential as possible: one machine, tagged, short-lived.
 */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { boolAttr, isExpression, listAttr, numberAttr } from '../../engine/values';

/** One day: long enough to boot and join, short enough that a leaked key is soon worthless. */
export const MAX_TAILNET_KEY_EXPIRY_SECONDS = 86400;

export const tailnetKeyRestricted = defineRule({
  id: 'tailnet-key-restricted',
  title: 'Tailnet auth keys are single-use, tagged and expire within a day',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['tailscale_tailnet_key'],
  rationale:
    'An auth key lets whoever holds it add a machine to the tailnet. A reusable key adds any number of ' +
    "machines; an untagged key adds them as the user who created it, with that user's access; the default " +
    'expiry is 90 days. Keys in Terraform also sit in its state and, for servers, in user data. Single-use, ' +
    'tagged (so ACLs apply to the machine, not a person) and short-lived keys bound what a leak can do.',
  fix:
    'Set `reusable = false` (or leave it unset), `tags = ["tag:<role>"]`, and `expiry` to at most 86400 ' + 'seconds. For fleets, create one key per machine.',
  references: { docs: ['https://tailscale.com/kb/1085/auth-keys'] },
  examples: {
    failing: { resourceType: 'tailscale_tailnet_key', body: { reusable: true, preauthorized: true } },
    passing: { resourceType: 'tailscale_tailnet_key', body: { reusable: false, preauthorized: true, tags: ['tag:derp'], expiry: 3600 } },
  },
  check(key) {
    const results: CheckResult[] = [];
    const reusable = boolAttr(key.body, 'reusable');
    if (reusable.state === 'unknown') results.push(unknownValue('reusable', reusable));
    else if (reusable.state === 'known' && reusable.value)
      results.push(violation('the key is reusable: anyone holding it can add any number of machines', 'reusable'));
    else results.push(pass('single-use', 'reusable'));

    const tags = listAttr(key.body, 'tags');
    if (tags.state === 'unknown') results.push(unknownValue('tags', tags));
    else if (tags.state === 'absent' || tags.value.length === 0) {
      results.push(violation("the key has no tags: machines join as the key's creator, with that person's access", 'tags'));
    } else if (tags.value.some(isExpression)) {
      results.push(unknownValue('tags', { state: 'unknown', expression: String(tags.value.find(isExpression)) }));
    } else results.push(pass('tagged', 'tags'));

    const expiry = numberAttr(key.body, 'expiry');
    if (expiry.state === 'unknown') results.push(unknownValue('expiry', expiry));
    else if (expiry.state === 'absent') results.push(violation('expiry is unset: the key is valid for 90 days', 'expiry'));
    else if (expiry.value <= 0 || expiry.value > MAX_TAILNET_KEY_EXPIRY_SECONDS) {
      results.push(violation(`expiry is ${expiry.value} s; at most ${MAX_TAILNET_KEY_EXPIRY_SECONDS} s (one day) is allowed`, 'expiry'));
    } else results.push(pass(`expires after ${expiry.value} s`, 'expiry'));
    return results;
  },
});
