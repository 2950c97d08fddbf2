/**
 * Jest matchers for your own tests:
 *
 *   import 'cdktf-guardrails/testing';
 *   expect(stack).toPassGuardrails({ profile: 'strict' });
 *   expect(stack).toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.data' });
 *
 * Importing this module registers the matchers when jest's `expect` is global; `guardrailMatchers` is
 * exported for `expect.extend` by hand.
 */
import { checkStack } from '../aspects/check-stack';
import { checkSubject } from '../aspects/check-subject';
import { kindOf } from '../aspects/scope';
import type { GuardrailOptions } from '../engine/options';
import type { Violation } from '../engine/types';

export interface ViolationMatch {
  /** Terraform address, e.g. `aws_ebs_volume.data`. */
  readonly address?: string;
  /** Construct path, e.g. `main/data`. */
  readonly constructPath?: string;
  /** `violation`, `unknown`, `expired-suppression` or `rule-error`. */
  readonly kind?: Violation['kind'];
  /** Options to check with. @default the options given to Guardrails.enforce, else the defaults */
  readonly options?: GuardrailOptions;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The stack has no error-level guardrail finding (warnings are allowed). */
      toPassGuardrails(options?: GuardrailOptions): R;
      /** The stack has a finding of `ruleId` (at any level), optionally at an address / construct path. */
      toViolateGuardrail(ruleId: string, match?: ViolationMatch): R;
    }
  }
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function list(violations: readonly Violation[]): string {
  if (violations.length === 0) return '  (none)';
  return violations.map((v) => `  [${v.ruleId}] ${v.severity} ${v.address} (${v.constructPath}): ${v.message}`).join('\n');
}

export const guardrailMatchers = {
  toPassGuardrails(received: unknown, options?: GuardrailOptions): MatcherResult {
    const { result, name } = checkSubject(received, options, 'toPassGuardrails');
    const errors = result.violations.filter((v) => v.severity === 'error');
    return {
      pass: errors.length === 0,
      message: () =>
        errors.length === 0
          ? `expected stack '${name}' to break a guardrail, but it passes (${result.rules.length} rules, ${result.resourcesChecked} resources)`
          : `expected stack '${name}' to pass its guardrails, but it has ${errors.length} error(s):\n${list(errors)}`,
    };
  },

  toViolateGuardrail(received: unknown, ruleId: string, match: ViolationMatch = {}): MatcherResult {
    if (typeof ruleId !== 'string' || ruleId === '') throw new Error(`toViolateGuardrail: expected a rule id, got ${kindOf(ruleId)}`);
    const { result, name } = checkSubject(received, match.options, 'toViolateGuardrail');
    const found = result.violations.filter(
      (v) =>
        v.ruleId === ruleId &&
        (match.address === undefined || v.address === match.address) &&
        (match.constructPath === undefined || v.constructPath === match.constructPath) &&
        (match.kind === undefined || v.kind === match.kind),
    );
    const what = [ruleId, match.address, match.constructPath, match.kind].filter(Boolean).join(' at ');
    return {
      pass: found.length > 0,
      message: () =>
        found.length > 0
          ? `expected stack '${name}' not to violate ${what}, but it does:\n${list(found)}`
          : `expected stack '${name}' to violate ${what}; its findings are:\n${list(result.violations)}`,
    };
  },
};

declare const expect: { extend?: (matchers: Record<string, unknown>) => void } | undefined;
if (typeof expect !== 'undefined' && typeof expect?.extend === 'function') expect.extend(guardrailMatchers);

export { checkStack };
