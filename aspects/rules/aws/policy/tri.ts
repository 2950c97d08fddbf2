/**
 * Three-valued answers (yes / no / unknown-because-of-this) and the logic to combine them, so a policy
 * check can say "this statement allows iam:PassRole on *" or "it might, because Resource is ${var.r}"
 * without ever collapsing "might" into "no".
 */
export type Tri = { readonly state: 'known'; readonly value: boolean } | { readonly state: 'unknown'; readonly expression: string };

export const YES: Tri = { state: 'known', value: true };
export const NO: Tri = { state: 'known', value: false };
export const maybe = (expression: string): Tri => ({ state: 'unknown', expression });
export const tri = (value: boolean): Tri => (value ? YES : NO);

export const isYes = (t: Tri): boolean => t.state === 'known' && t.value;
export const isNo = (t: Tri): boolean => t.state === 'known' && !t.value;

/** False if any is false; else unknown if any is unknown (the first one names why); else true. */
export function and(...values: readonly Tri[]): Tri {
  if (values.some(isNo)) return NO;
  return values.find((v) => v.state === 'unknown') ?? YES;
}

/** True if any is true; else unknown if any is unknown; else false. */
export function or(...values: readonly Tri[]): Tri {
  if (values.some(isYes)) return YES;
  return values.find((v) => v.state === 'unknown') ?? NO;
}

export function not(value: Tri): Tri {
  return value.state === 'known' ? tri(!value.value) : value;
}

/** `or` over a list, computing each lazily. */
export function some<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  return or(...items.map(test));
}
