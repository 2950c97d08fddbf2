/**
 * A three-valued answer: Tailscale's answer is known to be yes, known to be no, or cannot be known from the
 * policy file alone (who holds an admin role, which address a device got, a posture check…).
 *
 * Unknown is never rounded to yes or no: an `accept` that rests on an unknown is not proven, and a `deny` that
 * an unknown might break is not proven either, so both are reported as "cannot evaluate" and synth refuses.
 * (The same idea as the engine's `Answer` in engine/values.ts; kept local so this model stays
 * dependency-free.)
 */
export type Tri = { readonly kind: 'yes' } | { readonly kind: 'no' } | { readonly kind: 'unknown'; readonly why: string };

export const YES: Tri = { kind: 'yes' };
export const NO: Tri = { kind: 'no' };
export const unknown = (why: string): Tri => ({ kind: 'unknown', why });
export const fromBoolean = (value: boolean): Tri => (value ? YES : NO);

/** Kleene OR: one yes is enough; otherwise the first unknown; otherwise no. */
export function anyOf(answers: Iterable<Tri>): Tri {
  let firstUnknown: Tri | undefined;
  for (const a of answers) {
    if (a.kind === 'yes') return a;
    if (a.kind === 'unknown' && firstUnknown === undefined) firstUnknown = a;
  }
  return firstUnknown ?? NO;
}

/** Kleene AND: one no is enough; otherwise the first unknown; otherwise yes. */
export function allOf(answers: Iterable<Tri>): Tri {
  let firstUnknown: Tri | undefined;
  for (const a of answers) {
    if (a.kind === 'no') return a;
    if (a.kind === 'unknown' && firstUnknown === undefined) firstUnknown = a;
  }
  return firstUnknown ?? YES;
}
