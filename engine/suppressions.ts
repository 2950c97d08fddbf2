/**
 * Suppressions: the only audited way around a rule besides per-rule levels. Each needs a reason and may
 * expire; an expired one stops applying and its finding is reported as such.
 */
import { GuardrailConfigError, describe, isIsoDate, suggest } from './config-error';
import type { SuppressionRecord } from './types';

export const MIN_REASON_LENGTH = 10;

export interface SuppressionInput {
  /** Why the rule does not apply here; at least 10 characters. Shown in every report. */
  readonly reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) the suppression applies; afterwards the finding is reported again. */
  readonly expires?: string;
}

/** Throw a GuardrailConfigError naming the argument when a suppression is malformed. */
export function validateSuppression(ruleId: unknown, input: SuppressionInput | undefined, knownRuleIds: ReadonlySet<string>, where: string): void {
  const problem = suppressionProblem(ruleId, input, knownRuleIds);
  if (problem) throw new GuardrailConfigError(`${where}: ${problem}`);
}

/** What is wrong with a suppression, or undefined when it is well-formed. */
export function suppressionProblem(ruleId: unknown, input: Partial<SuppressionInput> | undefined, knownRuleIds: ReadonlySet<string>): string | undefined {
  if (typeof ruleId !== 'string' || !knownRuleIds.has(ruleId)) {
    const hint = typeof ruleId === 'string' ? suggest(ruleId, [...knownRuleIds]) : '';
    return `ruleId: unknown rule id ${describe(ruleId)}${hint}`;
  }
  if (typeof input !== 'object' || input === null) {
    return `expected { reason, expires? } for rule '${ruleId}', got ${describe(input)}`;
  }
  if (typeof input.reason !== 'string' || input.reason.trim().length < MIN_REASON_LENGTH) {
    return `reason for suppressing '${ruleId}' must be at least ${MIN_REASON_LENGTH} characters saying why, got ${describe(input.reason)}`;
  }
  if (input.expires !== undefined && !isIsoDate(input.expires)) {
    return `expires for suppressing '${ruleId}' must be a date YYYY-MM-DD, got ${describe(input.expires)}`;
  }
  return undefined;
}

/** Whether `scope` (a construct path prefix) covers `path`, segment by segment; '' covers everything. */
export function scopeCovers(scope: string, path: string): boolean {
  if (scope === '') return true;
  return path === scope || path.startsWith(`${scope}/`);
}

export function isExpired(suppression: SuppressionRecord, today: string): boolean {
  return suppression.expires !== undefined && suppression.expires < today;
}

/**
 * The suppression that applies to a finding: a live one if any matches, else an expired one (so the
 * report can say the finding was suppressed until a date), else none.
 */
export function findSuppression(
  ruleId: string,
  constructPath: string,
  address: string,
  suppressions: readonly SuppressionRecord[],
  today: string,
): { readonly suppression: SuppressionRecord; readonly expired: boolean } | undefined {
  let expired: SuppressionRecord | undefined;
  for (const s of suppressions) {
    if (s.ruleId !== ruleId || !scopeCovers(s.scope, constructPath)) continue;
    if (s.address !== undefined && s.address !== address) continue;
    if (!isExpired(s, today)) return { suppression: s, expired: false };
    expired ??= s;
  }
  return expired ? { suppression: expired, expired: true } : undefined;
}
