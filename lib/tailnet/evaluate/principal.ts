/**
 * What a test's `src` or destination host stands for: a device, described by what the policy can know of it.
 *
 * Tailscale runs a test against the real devices of the tailnet; offline there are none, so each name becomes
 * one representative device (a group becomes one per member). What a representative is:
 *
 * - a user login: an untagged device that user owns. The user is assumed to be a tailnet member (a test
 *   naming someone outside the tailnet is refused by Tailscale, which we cannot check).
 * - a tag: a device carrying that tag and no other. Tagged devices have no user identity: "When a device is
 *   tagged, it loses its human identity" (https://tailscale.com/kb/1068/tags, quoted in tailscale/tailscale#5321).
 * - a `hosts` alias or an IP: a device known only by its address; who owns it is unknown.
 * - `autogroup:member` / `autogroup:tagged`: some member's device / some tagged device, not a particular one.
 */
import { isSingleAddress, parseIpRange, type IpRange } from './ip-range';
import type { PolicyIndex } from './policy-index';

export type Principal =
  | { readonly kind: 'user'; readonly login: string }
  | { readonly kind: 'tagged'; readonly tags: readonly string[] }
  | { readonly kind: 'address'; readonly label: string; readonly range: IpRange }
  | { readonly kind: 'any-member' }
  | { readonly kind: 'any-tagged' };

export function describePrincipal(p: Principal): string {
  switch (p.kind) {
    case 'user':
      return p.login;
    case 'tagged':
      return p.tags.join('+');
    case 'address':
      return p.label;
    case 'any-member':
      return 'autogroup:member';
    case 'any-tagged':
      return 'autogroup:tagged';
  }
}

export type Resolution = { readonly ok: true; readonly principals: readonly Principal[] } | { readonly ok: false; readonly why: string };

const ok = (...principals: Principal[]): Resolution => ({ ok: true, principals });
const refuse = (why: string): Resolution => ({ ok: false, why });

export const TAG_NAME = /^tag:[^\s:]+$/;
export const GROUP_NAME = /^group:[^\s:]+$/;
export const LOGIN = /^[^\s@:]+@[^\s@:]+$/;

/**
 * The devices a test `src` (role 'src') or a destination host (role 'dst') stands for, or why it cannot be
 * evaluated. Names Tailscale refuses in a test (an unowned tag, an undefined group or host, a CIDR or
 * multi-address host as a destination, `autogroup:self` / `autogroup:internet` as a destination) are refused
 * here too; so are names whose devices cannot be represented offline.
 */
export function resolvePrincipal(name: unknown, index: PolicyIndex, role: 'src' | 'dst'): Resolution {
  if (typeof name !== 'string' || name.trim() === '') return refuse('is empty; name a user, group, tag, host or IP');
  if (name === '*') return refuse("'*' is every device, not one; name a user, group, tag, host or IP");
  if (name.startsWith('tag:')) {
    if (!TAG_NAME.test(name)) return refuse(`'${name}' is not a tag name`);
    return index.taggedNames.has(name)
      ? ok({ kind: 'tagged', tags: [name] })
      : refuse(`'${name}' has no tagOwners entry, so no device can carry it (Tailscale fails the test)`);
  }
  if (name.startsWith('group:')) {
    if (!index.groups.has(name)) return refuse(`'${name}' is not defined in groups (Tailscale fails the test)`);
    const members = index.groups.get(name);
    if (members === undefined) return refuse(`'${name}' is not a list of logins`);
    if (members.length === 0) return refuse(`'${name}' has no members, so there is no device to test from or to (Tailscale fails the test)`);
    const bad = members.find((m) => !LOGIN.test(m));
    if (bad !== undefined) return refuse(`'${name}' has member '${bad}', which is not a user login`);
    return ok(...members.map((login): Principal => ({ kind: 'user', login })));
  }
  if (name.startsWith('autogroup:')) {
    if (name === 'autogroup:member') return ok({ kind: 'any-member' });
    if (name === 'autogroup:tagged') return ok({ kind: 'any-tagged' });
    if (name === 'autogroup:self')
      return refuse("'autogroup:self' is not a device: which devices it is depends on who connects (Tailscale fails a test that names it)");
    if (name === 'autogroup:internet')
      return refuse("'autogroup:internet' is not a device: it is reached through exit nodes (Tailscale fails a test that names it)");
    return refuse(`'${name}' is not modelled: its members are not in the policy file`);
  }
  if (LOGIN.test(name)) return ok({ kind: 'user', login: name.toLowerCase() });
  const literal = parseIpRange(name);
  if (literal) {
    if (role === 'dst' && name.includes('/')) return refuse(`'${name}' is a prefix; a test destination must be one address (Tailscale fails the test)`);
    return ok({ kind: 'address', label: name, range: literal });
  }
  if (index.hosts.has(name)) {
    const range = index.hosts.get(name);
    if (range === undefined) return refuse(`hosts['${name}'] is not an IP address or prefix`);
    if (role === 'dst' && !isSingleAddress(range))
      return refuse(`hosts['${name}'] is a prefix; a test destination must be one address (Tailscale fails the test)`);
    return ok({ kind: 'address', label: name, range });
  }
  return refuse(`'${name}' is not a user, group, tag, autogroup, IP, or a name defined in hosts`);
}
