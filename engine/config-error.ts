/**
 * The error every bad option, suppression or custom rule raises, and the small helpers its messages use.
 * Messages name the argument and what was expected.
 */

/** A mistake in options, suppressions or custom rules. Its message names the argument and what was expected. */
export class GuardrailConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardrailConfigError';
  }
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** " (did you mean 'x'?)" when a known id is close to the unknown one. */
export function suggest(id: string, candidates: readonly string[]): string {
  const containing = candidates.filter((c) => c.includes(id) || id.includes(c));
  if (containing.length === 1) return ` (did you mean '${containing[0]}'?)`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(id.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
