import type { EvaluationResult } from '../evaluate';
import type { RuleMetadata } from '../rule';

/** What every reporter is given: the result and the metadata of every rule that exists. */
export interface ReportInput {
  readonly result: EvaluationResult;
  readonly rules: readonly RuleMetadata[];
  readonly toolVersion: string;
}

export function errorsOf(result: EvaluationResult) {
  return result.violations.filter((v) => v.severity === 'error');
}

export function warningsOf(result: EvaluationResult) {
  return result.violations.filter((v) => v.severity === 'warning');
}
