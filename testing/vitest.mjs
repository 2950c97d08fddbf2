// The guardrail matchers for vitest, which has no global `expect` unless `globals: true`:
//
//   import 'cdktf-guardrails/vitest';
//   expect(Testing.synth(stack)).toPassGuardrails();
//
// An ES module because vitest cannot be loaded with require(); it registers the same matchers as
// 'cdktf-guardrails/testing' (the CommonJS module beside it in dist/testing) on vitest's own `expect`.
import { expect } from 'vitest';
import testing from './index.js';

expect.extend(testing.guardrailMatchers);

export const guardrailMatchers = testing.guardrailMatchers;
