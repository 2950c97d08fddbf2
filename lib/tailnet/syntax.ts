/**
 * The syntax of the names a tailnet policy file uses, checked before anything is written, so a typo
 * fails at synth with the prop that held it instead of as a rejected policy upload (or, worse, an ACL
 * entry that silently matches nothing).
 *
 * Only the forms our constructs produce and a reviewer can read are accepted: tags, groups, autogroups,
 * users (login names), `*`, and IP addresses / CIDRs. Host aliases (`hosts`) are not supported.
 */
import { isIP } from 'net';

export const TAG = /^tag:[a-z0-9-]+$/;
export const GROUP = /^group:[A-Za-z0-9._-]+$/;
export const AUTOGROUP = /^autogroup:[a-z-]+$/;
/** A login name: `alice@example.com`, `alice@github`, `alice@passkey`. */
export const USER = /^[^@\s:,]+@[A-Za-z0-9.-]+$/;

/** Autogroups that may own a tag (Tailscale accepts only these as tag owners). */
const TAG_OWNER_AUTOGROUPS = new Set(['autogroup:admin', 'autogroup:member', 'autogroup:owner', 'autogroup:it-admin', 'autogroup:network-admin']);

/** Why `value` is not a valid entry of this kind, or undefined when it is. */
export type Check = (value: string) => string | undefined;

export const checkTag: Check = (v) => (TAG.test(v) ? undefined : "must be 'tag:' followed by lower-case letters, digits or '-'");

export const checkGroup: Check = (v) => (GROUP.test(v) ? undefined : "must be 'group:' followed by letters, digits, '.', '_' or '-'");

/** A tag owner: a user, a group, a tag, or one of the admin autogroups. */
export const checkTagOwner: Check = (v) => {
  if (TAG.test(v) || GROUP.test(v) || USER.test(v) || TAG_OWNER_AUTOGROUPS.has(v)) return undefined;
  return `must be a user (name@domain), a group:, a tag:, or one of ${[...TAG_OWNER_AUTOGROUPS].join(', ')}`;
};

/** A group member: a user login. */
export const checkGroupMember: Check = (v) => (USER.test(v) ? undefined : 'must be a user login such as alice@example.com');

function isCidr(v: string): boolean {
  const slash = v.indexOf('/');
  if (slash < 0) return isIP(v) !== 0;
  const ip = v.slice(0, slash);
  const bits = v.slice(slash + 1);
  const family = isIP(ip);
  if (family === 0 || !/^[0-9]{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** An ACL/grant source or grant destination: `*`, tag, group, autogroup, user, IP or CIDR. */
export const checkPrincipal: Check = (v) => {
  if (v === '*' || TAG.test(v) || GROUP.test(v) || AUTOGROUP.test(v) || USER.test(v) || isCidr(v)) return undefined;
  return "must be '*', a tag:, group:, autogroup:, a user (name@domain), an IP address or a CIDR";
};

const PORT = /^[0-9]{1,5}$/;

function checkPortNumber(p: string): boolean {
  return PORT.test(p) && Number(p) >= 1 && Number(p) <= 65535;
}

/** A port list: `*`, `22`, `80,443`, `1000-2000`. */
export const checkPorts: Check = (v) => {
  if (v === '*') return undefined;
  for (const part of v.split(',')) {
    const range = part.split('-');
    if (range.length > 2 || !range.every(checkPortNumber)) return `port list '${v}' must be '*' or ports 1-65535 and ranges (a-b) separated by ','`;
    if (range.length === 2 && Number(range[0]) > Number(range[1])) return `port range '${part}' runs backwards`;
  }
  return undefined;
};

/** An ACL destination `host:ports`, e.g. `tag:derp:9100`, `*:*`, `100.64.0.1:22`, `[fd7a::1]:443`. */
export const checkAclDestination: Check = (v) => {
  if (v !== '*' && checkPrincipal(v) === undefined && !/:[0-9*][0-9,*-]*$/.test(v)) return "must be 'host:ports', e.g. 'tag:derp:9100' (the ports are missing)";
  let host: string;
  let ports: string;
  const bracketed = /^\[([^\]]+)\](\/[0-9]{1,3})?:(.+)$/.exec(v);
  if (bracketed) {
    host = bracketed[1] + (bracketed[2] ?? '');
    ports = bracketed[3];
  } else {
    const colon = v.lastIndexOf(':');
    if (colon <= 0) return "must be 'host:ports', e.g. 'tag:derp:9100'";
    host = v.slice(0, colon);
    ports = v.slice(colon + 1);
  }
  const hostProblem = checkPrincipal(host);
  if (hostProblem) return `host '${host}' ${hostProblem}`;
  return checkPorts(ports);
};

const IP_PROTO = /^(tcp|udp|icmp|sctp|[0-9]{1,3}):(.+)$/;

/** A grant `ip` entry: `*`, `443`, `tcp:443`, `udp:3478`, `tcp:1000-2000`. */
export const checkGrantIp: Check = (v) => {
  if (v === '*') return undefined;
  const m = IP_PROTO.exec(v);
  return checkPorts(m ? m[2] : v);
};

/** A grant `app` capability name: a domain and path, e.g. `tailscale.com/cap/secrets`. */
export const checkCapability: Check = (v) =>
  /^[a-z0-9.-]+\.[a-z]{2,}(\/[A-Za-z0-9._~-]+)+$/.test(v)
    ? undefined
    : "must be a capability name such as 'tailscale.com/cap/secrets' (domain/path, no scheme)";

/** Every `tag:` and `group:` a principal-ish string refers to (an ACL destination's host part included). */
export function referencedNames(value: string): { tags: string[]; groups: string[] } {
  const tags: string[] = [];
  const groups: string[] = [];
  const host = value.startsWith('tag:') || value.startsWith('group:') ? hostPart(value) : value;
  if (TAG.test(host)) tags.push(host);
  if (GROUP.test(host)) groups.push(host);
  return { tags, groups };
}

function hostPart(v: string): string {
  // `tag:derp` (a principal) or `tag:derp:9100` (a destination): the name is the first two parts.
  const parts = v.split(':');
  return parts.length >= 3 ? parts.slice(0, 2).join(':') : v;
}

/** JSON with object keys sorted, so equal entries compare equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
