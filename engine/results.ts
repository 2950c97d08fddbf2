/** Constructors for check results, so rule files read as sentences. */
import type { CheckResult } from './types';
import { describeExpression, type Value } from './values';

// Two fixed shapes, not a spread of `{ attribute }`: a large stack makes hundreds of thousands of results.
const result = (status: CheckResult['status'], message: string, attribute: string | undefined): CheckResult =>
  attribute ? { status, message, attribute } : { status, message };

export const pass = (message: string, attribute?: string): CheckResult => result('pass', message, attribute);
export const violation = (message: string, attribute?: string): CheckResult => result('violation', message, attribute);
export const unknown = (message: string, attribute?: string): CheckResult => result('unknown', message, attribute);
export const notApplicable = (message: string): CheckResult => ({ status: 'not-applicable', message });

/** The standard "unknown" result for an attribute whose value is an expression. */
export function unknownValue(attribute: string, value: Extract<Value<unknown>, { state: 'unknown' }>): CheckResult {
  return unknown(`${attribute} is ${describeExpression(value.expression)}`, attribute);
}
