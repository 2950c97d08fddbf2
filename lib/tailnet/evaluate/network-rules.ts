/**
 * ACLs and grants brought to one shape: sources, and destinations each with the protocols and ports it is
 * open on. Tailscale treats them the same way at the network layer: every rule only allows, and a connection
 * is allowed when any rule allows it ("Tailscale adds together every grant that matches a connection",
 * https://tailscale.com/kb/1538/grants-syntax; ACLs: https://tailscale.com/kb/1337/acl-syntax#action).
 *
 * A part of a rule this model cannot read (a malformed port list, an unknown protocol, an app-only grant, a
 * posture condition, a `via` route) becomes an unknown in that rule, so it matters exactly when the rest of
 * the rule would match the connection.
 */
import { parsePortList } from './ports';
import { DEFAULT_PROTOCOLS, parseGrantIp, parseProtocol, type IpCapability } from './protocols';
import type { EvaluablePolicy, PolicyAcl, PolicyGrant } from './policy-document';

/** What a destination entry is open on, or why that cannot be read. */
export type Capabilities = { readonly ok: true; readonly capabilities: readonly IpCapability[] } | { readonly ok: false; readonly why: string };

export interface NetworkDestination {
  /** The selector: `tag:derp` of `tag:derp:9100`, or a grant `dst` entry. */
  readonly host: string;
  readonly open: Capabilities;
}

export interface NetworkRule {
  /** Where it is in the policy: `acls[2]`, `grants[0]`. */
  readonly id: string;
  /** The entry as written, for messages. */
  readonly text: string;
  /** The `src` selectors, or why they cannot be read. */
  readonly sources: readonly string[] | string;
  readonly destinations: readonly NetworkDestination[] | string;
  /** Conditions the policy cannot decide offline; the rule allows only if they hold. */
  readonly conditions: readonly string[];
}

const isStringList = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

export function networkRules(policy: EvaluablePolicy): NetworkRule[] {
  const acls = Array.isArray(policy.acls) ? policy.acls : [];
  const grants = Array.isArray(policy.grants) ? policy.grants : [];
  return [...acls.map((r, i) => aclRule(r, `acls[${i}]`)), ...grants.map((r, i) => grantRule(r, `grants[${i}]`))];
}

function aclRule(acl: PolicyAcl, id: string): NetworkRule {
  const conditions: string[] = [];
  if (acl?.action !== 'accept') conditions.push(`${id}.action is ${JSON.stringify(acl?.action)}, not 'accept'`);
  if (nonEmpty(acl?.srcPosture)) conditions.push(`${id} requires device posture ${JSON.stringify(acl.srcPosture)}, which is not evaluated offline`);
  let protocols: Capabilities = { ok: true, capabilities: [] };
  let chosen: readonly number[] = DEFAULT_PROTOCOLS;
  if (acl?.proto !== undefined) {
    const p = typeof acl.proto === 'string' ? parseProtocol(acl.proto) : undefined;
    if (p === undefined) protocols = { ok: false, why: `${id}.proto ${JSON.stringify(acl.proto)} is not a protocol name or number` };
    else chosen = [p];
  }
  const src = acl?.src ?? acl?.users;
  const dst = acl?.dst ?? acl?.ports;
  return {
    id,
    text: JSON.stringify(acl),
    sources: isStringList(src) ? src : `${id}.src is not a list of selectors`,
    destinations: isStringList(dst) ? dst.map((d) => aclDestination(d, chosen, protocols, id)) : `${id}.dst is not a list of destinations`,
    conditions,
  };
}

/** `host:ports`: `tag:derp:9100`, `*:*`, `[fd7a:115c:a1e0::1]:22`, `group:eng:22,80` (the host part may hold colons). */
function aclDestination(entry: string, protocols: readonly number[], protoProblem: Capabilities, id: string): NetworkDestination {
  const bracketed = /^\[([^\]]+)\](\/\d{1,3})?:([^:]+)$/.exec(entry);
  const colon = entry.lastIndexOf(':');
  const host = bracketed ? bracketed[1] + (bracketed[2] ?? '') : colon > 0 ? entry.slice(0, colon) : entry;
  const portText = bracketed ? bracketed[3] : colon > 0 ? entry.slice(colon + 1) : undefined;
  if (!protoProblem.ok) return { host, open: protoProblem };
  const ports = portText === undefined ? undefined : parsePortList(portText);
  if (ports === undefined) return { host, open: { ok: false, why: `${id}.dst '${entry}' has no readable port list after its last ':'` } };
  return { host, open: { ok: true, capabilities: [{ protocols, ports }] } };
}

function grantRule(grant: PolicyGrant, id: string): NetworkRule {
  const conditions: string[] = [];
  if (nonEmpty(grant?.srcPosture)) conditions.push(`${id} requires device posture ${JSON.stringify(grant.srcPosture)}, which is not evaluated offline`);
  if (nonEmpty(grant?.via)) conditions.push(`${id} applies only through ${JSON.stringify(grant.via)} (via), which is not evaluated offline`);
  let open: Capabilities;
  if (isStringList(grant?.ip) && grant.ip.length > 0) {
    const parsed = grant.ip.map(parseGrantIp);
    const bad = grant.ip.find((_, i) => parsed[i] === undefined);
    open =
      bad === undefined
        ? { ok: true, capabilities: parsed as IpCapability[] }
        : { ok: false, why: `${id}.ip entry '${bad}' is not '*', a port list or 'proto:ports'` };
  } else if (grant?.ip !== undefined && !Array.isArray(grant.ip)) {
    open = { ok: false, why: `${id}.ip is not a list` };
  } else if (grant?.app !== undefined) {
    // Fail closed: an app-only grant is counted neither as network access nor as its absence.
    open = { ok: false, why: `${id} grants only application capabilities (app); whether that opens the connection is not evaluated` };
  } else {
    open = { ok: false, why: `${id} has neither ip nor app` };
  }
  return {
    id,
    text: JSON.stringify(grant),
    sources: isStringList(grant?.src) ? grant.src : `${id}.src is not a list of selectors`,
    destinations: isStringList(grant?.dst) ? grant.dst.map((host) => ({ host, open })) : `${id}.dst is not a list of selectors`,
    conditions,
  };
}
