/**
 * Does a selector in a rule's `src` or `dst` cover a device? Selectors and what they mean:
 * https://tailscale.com/kb/1337/acl-syntax#src and https://tailscale.com/kb/1396/targets.
 *
 * The answer is three-valued. It is unknown whenever the policy file alone does not say: who holds an admin
 * role, whose device sits at an address, which tags "some tagged device" carries, whether a test user is in
 * a group (for `autogroup:member`). Selectors this model does not know (`ipset:`, an unknown autogroup, an
 * undefined host) are unknown too, never "no": a typo must not quietly prove a `deny`.
 */
import { insideAny, NON_PUBLIC_RANGES, parseIpRange, relate, TAILNET_RANGES, touchesAny, type IpRange } from './ip-range';
import { describePrincipal, GROUP_NAME, LOGIN, TAG_NAME, type Principal } from './principal';
import type { PolicyIndex } from './policy-index';
import { fromBoolean, NO, unknown, YES, type Tri } from './tri';

export interface MatchContext {
  readonly role: 'src' | 'dst';
  /** For a destination: the connecting device, which `autogroup:self` is relative to. */
  readonly source?: Principal;
}

/** Autogroups of people whose membership lives in the admin console, not in the policy file. */
const ROLE_AUTOGROUPS = new Set([
  'autogroup:admin',
  'autogroup:owner',
  'autogroup:it-admin',
  'autogroup:network-admin',
  'autogroup:billing-admin',
  'autogroup:auditor',
  'autogroup:shared',
]);

export function matchSelector(selector: unknown, p: Principal, index: PolicyIndex, ctx: MatchContext): Tri {
  if (typeof selector !== 'string') return unknown(`selector ${JSON.stringify(selector)} is not a string`);
  if (selector === '*') return matchWildcard(p, ctx);
  if (selector.startsWith('autogroup:')) return matchAutogroup(selector, p, ctx);
  if (selector.startsWith('tag:')) {
    if (!TAG_NAME.test(selector)) return unknown(`'${selector}' is not a tag name`);
    return identity(p, selector, (d) =>
      d.kind === 'tagged'
        ? fromBoolean(d.tags.includes(selector))
        : d.kind === 'any-tagged'
          ? unknown(`which tags an autogroup:tagged device carries is not known, so '${selector}' may or may not cover it`)
          : NO,
    );
  }
  if (selector.startsWith('group:')) {
    if (!GROUP_NAME.test(selector) || !index.groups.has(selector)) return unknown(`'${selector}' is not defined in groups`);
    const members = index.groups.get(selector);
    if (members === undefined) return unknown(`'${selector}' is not a list of logins`);
    return identity(p, selector, (d) =>
      d.kind === 'user'
        ? fromBoolean(members.includes(d.login))
        : d.kind === 'any-member'
          ? members.length === 0
            ? NO
            : unknown(`whether an autogroup:member user is in '${selector}' depends on the user`)
          : NO,
    );
  }
  if (LOGIN.test(selector)) {
    const login = selector.toLowerCase();
    return identity(p, selector, (d) =>
      d.kind === 'user'
        ? fromBoolean(d.login === login)
        : d.kind === 'any-member'
          ? unknown(`whether an autogroup:member user is '${selector}' depends on the user`)
          : NO,
    );
  }
  if (selector.startsWith('ipset:') || selector.startsWith('svc:')) return unknown(`'${selector}' is not modelled`);
  const range = selectorRange(selector, index);
  if (typeof range === 'string') return unknown(range);
  return matchAddress(selector, range, p);
}

/**
 * An identity selector (tag, group, user, member): decided by `decide` for a device with an identity. A device
 * known only by address might be anyone's, unless the address is outside the tailnet's ranges.
 */
function identity(p: Principal, selector: string, decide: (p: Exclude<Principal, { kind: 'address' }>) => Tri): Tri {
  if (p.kind !== 'address') return decide(p);
  return touchesAny(p.range, TAILNET_RANGES) ? unknown(`whose device is at ${p.label} is not in the policy, so '${selector}' may or may not cover it`) : NO;
}

/**
 * `*` as a source is "all traffic originating from Tailscale devices in your tailnet, any approved subnets and
 * autogroup:shared" (kb/1337/acl-syntax#src): an address outside the tailnet ranges is covered only if some
 * subnet route to it is approved, which the policy does not say. As a destination it is every address (it
 * compiles to 0.0.0.0/0 and ::/0).
 */
function matchWildcard(p: Principal, ctx: MatchContext): Tri {
  if (p.kind !== 'address' || ctx.role === 'dst' || insideAny(p.range, TAILNET_RANGES)) return YES;
  return unknown(`'*' covers ${p.label} as a source only if a subnet route to it is approved, which the policy does not say`);
}

function matchAutogroup(selector: string, p: Principal, ctx: MatchContext): Tri {
  switch (selector) {
    case 'autogroup:danger-all':
      return YES;
    case 'autogroup:member':
      // Members are people; a tagged device has no user identity, so it is never a member's device.
      return identity(p, selector, (d) => fromBoolean(d.kind === 'user' || d.kind === 'any-member'));
    case 'autogroup:tagged':
      return identity(p, selector, (d) => fromBoolean(d.kind === 'tagged' || d.kind === 'any-tagged'));
    case 'autogroup:self':
      return matchSelf(p, ctx);
    case 'autogroup:internet':
      if (ctx.role === 'src') return unknown("'autogroup:internet' is only valid as a destination");
      // Public addresses reached through an exit node; no device of the tailnet is one.
      if (p.kind !== 'address' || insideAny(p.range, NON_PUBLIC_RANGES)) return NO;
      return unknown(`whether ${p.label} is reached through an exit node (autogroup:internet) is not in the policy`);
  }
  if (ROLE_AUTOGROUPS.has(selector)) {
    return identity(p, selector, (d) =>
      d.kind === 'user' || d.kind === 'any-member' ? unknown(`who is in '${selector}' is set in the admin console, not in the policy`) : NO,
    );
  }
  return unknown(`'${selector}' is not an autogroup this evaluator models`);
}

/** `autogroup:self`: "all devices owned by the same user" (kb/1396/targets); tagged devices are owned by no user. */
function matchSelf(p: Principal, ctx: MatchContext): Tri {
  if (ctx.role === 'src') return unknown("'autogroup:self' is only valid as a destination");
  const s = ctx.source;
  if (s === undefined) return unknown("'autogroup:self' depends on the connecting device, which was not given");
  if (p.kind === 'tagged' || p.kind === 'any-tagged' || s.kind === 'tagged' || s.kind === 'any-tagged') return NO;
  if (p.kind === 'user' && s.kind === 'user') return fromBoolean(p.login === s.login);
  return unknown(`whether ${describePrincipal(s)} and ${describePrincipal(p)} are owned by the same user is not in the policy (autogroup:self)`);
}

/** An IP, a prefix, or a `hosts` alias → its range, or why it is not one. */
function selectorRange(selector: string, index: PolicyIndex): IpRange | string {
  const literal = parseIpRange(selector);
  if (literal) return literal;
  if (!index.hosts.has(selector)) return `'${selector}' is not a user, group, tag, autogroup, IP, or a name defined in hosts`;
  return index.hosts.get(selector) ?? `hosts['${selector}'] is not an IP address or prefix`;
}

function matchAddress(selector: string, range: IpRange, p: Principal): Tri {
  if (p.kind === 'address') {
    const where = relate(p.range, range);
    return where === 'inside' ? YES : where === 'disjoint' ? NO : unknown(`${p.label} is only partly inside '${selector}'`);
  }
  // A user's or tagged device's own address is somewhere in the tailnet ranges; which one is not in the policy.
  return touchesAny(range, TAILNET_RANGES)
    ? unknown(`which address ${describePrincipal(p)} has is not in the policy, so '${selector}' may or may not cover it`)
    : NO;
}
