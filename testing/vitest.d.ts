/** Types of 'cdktf-guardrails/vitest': the guardrail matchers on vitest's `expect`. */
import type { GuardrailOptions } from '../engine/options';
import type { ViolationMatch, guardrailMatchers as matchers } from './index';

interface GuardrailAssertions<R = unknown> {
  /** The stack (or Testing.synth output) has no error-level guardrail finding. */
  toPassGuardrails(options?: GuardrailOptions): R;
  /** It has a finding of `ruleId`, optionally at an address, construct path or kind. */
  toViolateGuardrail(ruleId: string, match?: ViolationMatch): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends GuardrailAssertions<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends GuardrailAssertions {}
}

export declare const guardrailMatchers: typeof matchers;
