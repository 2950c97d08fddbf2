/** Checks a rule definition (built-in or custom) before it is used, naming the rule and the bad field. */
import { GuardrailConfigError, describe } from './config-error';
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
  validateDeviations(rule, label);
  if (typeof rule.check !== 'function') {
    throw new GuardrailConfigError(`${label}: 'check' must be a function (resource, context) => result, got ${describe(rule.check)}`);
  }
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
