/** Constructors for check results, so rule files read as sentences. */
import type { CheckResult } from './types';
import { describeExpression, type Value } from './values';

export const pass = (message: string, attribute?: string): CheckResult => ({ status: 'pass', message, ...(attribute ? { attribute } : {}) });
export const violation = (message: string, attribute?: string): CheckResult => ({ status: 'violation', message, ...(attribute ? { attribute } : {}) });
export const unknown = (message: string, attribute?: string): CheckResult => ({ status: 'unknown', message, ...(attribute ? { attribute } : {}) });
export const notApplicable = (message: string): CheckResult => ({ status: 'not-applicable', message });

/** The standard "unknown" result for an attribute whose value is an expression. */
export function unknownValue(attribute: string, value: Extract<Value<unknown>, { state: 'unknown' }>): CheckResult {
  return unknown(`${attribute} is ${describeExpression(value.expression)}`, attribute);
}
