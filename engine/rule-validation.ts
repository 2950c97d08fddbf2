/** Checks a rule definition (built-in or custom) before it is used, naming the rule and the bad field. */
import { GuardrailConfigError, describe } from './config-error';
import { KNOWN_RESOURCE_TYPES } from './known-resource-types';
import { PEERS, type Rule } from './rule';

export const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function validateRuleDefinition(rule: Rule, where: string): void {
  if (typeof rule !== 'object' || rule === null) {
    throw new GuardrailConfigError(`${where}: expected a rule object (see defineRule), got ${describe(rule)}`);
  }
  const label = typeof rule.id === 'string' ? `${where} (rule '${rule.id}')` : where;
  if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) {
    throw new GuardrailConfigError(`${label}: id must be kebab-case (e.g. 'my-team-tags'), got ${describe(rule.id)}`);
  }
  for (const field of ['title', 'rationale', 'fix'] as const) {
    if (typeof rule[field] !== 'string' || rule[field].trim() === '') {
      throw new GuardrailConfigError(`${label}: '${field}' must be a non-empty string, got ${describe(rule[field])}`);
    }
  }
  if (rule.severity !== 'error' && rule.severity !== 'warning') {
    throw new GuardrailConfigError(`${label}: 'severity' must be 'error' or 'warning', got ${describe(rule.severity)}`);
  }
  if (rule.profile !== undefined && rule.profile !== 'baseline' && rule.profile !== 'strict') {
    throw new GuardrailConfigError(`${label}: 'profile' must be 'baseline' or 'strict', got ${describe(rule.profile)}`);
  }
  if (
    !Array.isArray(rule.resourceTypes) ||
    rule.resourceTypes.length === 0 ||
    !rule.resourceTypes.every((t) => typeof t === 'string' && /^[a-z0-9_]+\*?$/.test(t))
  ) {
    throw new GuardrailConfigError(
      `${label}: 'resourceTypes' must be a non-empty array of Terraform types ('aws_instance') or prefixes ('aws_*'), got ${describe(rule.resourceTypes)}`,
    );
  }
  rule.resourceTypes.forEach((type, i) => {
    const problem = unknownTypeProblem(type);
    if (problem) throw new GuardrailConfigError(`${label}: resourceTypes[${i}] ${problem}`);
  });
  validateDeviations(rule, label);
  if (typeof rule.check !== 'function') {
    throw new GuardrailConfigError(`${label}: 'check' must be a function (resource, context) => result, got ${describe(rule.check)}`);
  }
}

/** The providers whose every resource type is known (engine/known-resource-types.ts); others are taken on trust. */
const COVERED_PROVIDERS = ['aws_', 'digitalocean_', 'tailscale_'];

/**
 * Why a rule's resource type names nothing that exists, or undefined: a rule for `aws_s3_buckets` would
 * silently check nothing. `module` (module calls) and types of other providers are accepted as written.
 */
export function unknownTypeProblem(type: string): string | undefined {
  if (type === 'module' || !COVERED_PROVIDERS.some((p) => type.startsWith(p))) return undefined;
  if (type.endsWith('*')) {
    const prefix = type.slice(0, -1);
    for (const known of KNOWN_RESOURCE_TYPES) if (known.startsWith(prefix)) return undefined;
    return `'${type}' matches no resource type of its provider`;
  }
  if (KNOWN_RESOURCE_TYPES.has(type)) return undefined;
  const near = closest(type);
  return `'${type}' is not a resource type of its provider${near ? ` (did you mean '${near}'?)` : ''}`;
}

/** The known type nearest to `type` (edit distance at most 3), for the error message. */
function closest(type: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of KNOWN_RESOURCE_TYPES) {
    if (Math.abs(known.length - type.length) >= bestDistance) continue;
    const d = editDistance(type, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

const DEVIATION_KINDS = ['stricter', 'looser', 'different'];

/** A deviation record names a known peer, a check the rule lists as equivalent, a kind and a reason. */
function validateDeviations(rule: Rule, label: string): void {
  const deviations: unknown = rule.references?.deviations;
  if (deviations === undefined) return;
  if (!Array.isArray(deviations)) throw new GuardrailConfigError(`${label}: 'references.deviations' must be an array, got ${describe(deviations)}`);
  deviations.forEach((d: unknown, i) => {
    const at = `${label}: references.deviations[${i}]`;
    if (typeof d !== 'object' || d === null) throw new GuardrailConfigError(`${at} must be { peer, check, kind, why }, got ${describe(d)}`);
    const { peer, check, kind, why } = d as Record<string, unknown>;
    if (typeof peer !== 'string' || !(PEERS as readonly string[]).includes(peer)) {
      throw new GuardrailConfigError(`${at}: 'peer' must be one of ${PEERS.join(', ')}, got ${describe(peer)}`);
    }
    if (typeof check !== 'string' || check.trim() === '') throw new GuardrailConfigError(`${at}: 'check' must name the peer's check, got ${describe(check)}`);
    if (peer === 'checkov' && !(rule.references?.checkov ?? []).includes(check)) {
      throw new GuardrailConfigError(
        `${at}: checkov check '${check}' is not among references.checkov (${(rule.references?.checkov ?? []).join(', ') || 'none'})`,
      );
    }
    if (typeof kind !== 'string' || !DEVIATION_KINDS.includes(kind)) {
      throw new GuardrailConfigError(`${at}: 'kind' must be one of ${DEVIATION_KINDS.join(', ')}, got ${describe(kind)}`);
    }
    if (typeof why !== 'string' || why.trim().length < 10)
      throw new GuardrailConfigError(`${at}: 'why' must say what differs and why (at least 10 characters), got ${describe(why)}`);
  });
}
