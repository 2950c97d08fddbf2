/**
 * The name tables of a policy (groups, tag owners, hosts), read once and defensively: the document may be
 * hand-written JSON, so a malformed table is recorded as such instead of throwing.
 */
import { parseIpRange, type IpRange } from './ip-range';
import type { EvaluablePolicy } from './policy-document';

export interface PolicyIndex {
  /** Group → lower-cased member logins; a group whose value is not a list of strings maps to undefined. */
  readonly groups: ReadonlyMap<string, readonly string[] | undefined>;
  readonly taggedNames: ReadonlySet<string>;
  /** Host alias → its range; an alias whose value is not an address or prefix maps to undefined. */
  readonly hosts: ReadonlyMap<string, IpRange | undefined>;
}

const isStringList = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const entries = (v: unknown): [string, unknown][] => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : []);

export function indexPolicy(policy: EvaluablePolicy): PolicyIndex {
  return {
    groups: new Map(entries(policy.groups).map(([g, m]) => [g, isStringList(m) ? m.map((x) => x.toLowerCase()) : undefined])),
    taggedNames: new Set(entries(policy.tagOwners).map(([t]) => t)),
    hosts: new Map(entries(policy.hosts).map(([h, v]) => [h, typeof v === 'string' ? parseIpRange(v) : undefined])),
  };
}
