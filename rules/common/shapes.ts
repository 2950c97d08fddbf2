/**
 * The shapes most rules share, so a common rule is a screenful: "this attribute must be true", "at least
 * N", "one of these values", "every block of a kind must …". Each returns pass / violation / unknown and
 * never treats an expression as compliant.
 */
import { pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult, JsonObject } from '../../engine/types';
import { blockPresence, blocks, boolAttr, describeExpression, numberAttr, referencedAddress, stringAttr, type BlockOccurrence } from '../../engine/values';

export interface ShapeOptions {
  /** Path prefix for messages when the body is a nested block, e.g. `metadata_options`. */
  readonly path?: string;
  /** What the provider does when the attribute is unset; unset then counts as this value. */
  readonly defaultValue?: unknown;
}

const at = (attribute: string, options?: ShapeOptions) => (options?.path ? `${options.path}.${attribute}` : attribute);

/** `attribute` must be `expected` (true unless said otherwise). */
export function requireBool(body: JsonObject, attribute: string, what: string, options: ShapeOptions & { expected?: boolean } = {}): CheckResult {
  const expected = options.expected ?? true;
  const path = at(attribute, options);
  const value = boolAttr(body, attribute);
  if (value.state === 'unknown') return unknownValue(path, value);
  const actual = value.state === 'known' ? value.value : (options.defaultValue as boolean | undefined);
  if (actual === expected) return pass(`${what} (${path} = ${expected})`, path);
  const shown = value.state === 'absent' ? `unset${options.defaultValue !== undefined ? `, which means ${String(options.defaultValue)}` : ''}` : String(actual);
  return violation(`${what} is required, but ${path} is ${shown}`, path);
}

/** A number attribute must be within [min, max]. */
export function requireNumber(
  body: JsonObject,
  attribute: string,
  what: string,
  bounds: { min?: number; max?: number },
  options: ShapeOptions = {},
): CheckResult {
  const path = at(attribute, options);
  const value = numberAttr(body, attribute);
  if (value.state === 'unknown') return unknownValue(path, value);
  const actual = value.state === 'known' ? value.value : (options.defaultValue as number | undefined);
  const range = [bounds.min !== undefined ? `≥ ${bounds.min}` : '', bounds.max !== undefined ? `≤ ${bounds.max}` : ''].filter(Boolean).join(' and ');
  if (actual === undefined) return violation(`${what}: ${path} is unset; it must be ${range}`, path);
  if ((bounds.min !== undefined && actual < bounds.min) || (bounds.max !== undefined && actual > bounds.max)) {
    return violation(`${what}: ${path} is ${actual}${value.state === 'absent' ? ' (the default)' : ''}; it must be ${range}`, path);
  }
  return pass(`${what}: ${path} = ${actual}`, path);
}

/** A string attribute must be one of `allowed` (compared case-insensitively when asked). */
export function requireOneOf(
  body: JsonObject,
  attribute: string,
  what: string,
  allowed: readonly string[],
  options: ShapeOptions & { ignoreCase?: boolean } = {},
): CheckResult {
  const path = at(attribute, options);
  const value = stringAttr(body, attribute);
  if (value.state === 'unknown') return unknownValue(path, value);
  const actual = value.state === 'known' ? value.value : (options.defaultValue as string | undefined);
  const norm = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  if (actual !== undefined && allowed.map(norm).includes(norm(actual))) return pass(`${what}: ${path} = ${actual}`, path);
  const shown = actual === undefined ? 'unset' : `"${actual}"${value.state === 'absent' ? ' (the default)' : ''}`;
  return violation(`${what}: ${path} is ${shown}; expected ${allowed.map((a) => `"${a}"`).join(' or ')}`, path);
}

/**
 * A string attribute must be set to something (e.g. a customer-managed `kms_key_id`). A reference to
 * another resource's attribute counts as set; any other expression (a variable, a function) may evaluate
 * to "" or null, so it is unknown.
 */
export function requirePresent(body: JsonObject, attribute: string, what: string, options: ShapeOptions = {}): CheckResult {
  const path = at(attribute, options);
  const value = stringAttr(body, attribute);
  if (value.state === 'absent' || (value.state === 'known' && value.value.trim() === '')) return violation(`${what}: ${path} is not set`, path);
  if (value.state === 'unknown' && referencedAddress(value.expression) === undefined) return unknownValue(path, value);
  return pass(`${what}: ${path} is set`, path);
}

/**
 * Apply `check` to every occurrence of block `name`. `whenMissing` is what a missing block means:
 * a result (e.g. a violation "no metadata_options block"), or undefined when nothing is required. When the
 * blocks come only from a dynamic block whose `for_each` may be empty, the missing case may happen too: a
 * `whenMissing` that is not a pass then makes the answer unknown.
 */
export function forEachBlock(
  body: JsonObject,
  name: string,
  check: (block: BlockOccurrence) => CheckResult | readonly CheckResult[],
  whenMissing?: CheckResult | (() => CheckResult),
): CheckResult[] {
  const found = blocks(body, name);
  const results: CheckResult[] = [];
  if (found.unknownExpression) results.push(unknown(`${name} is ${describeExpression(found.unknownExpression)}`, name));
  const missing = whenMissing === undefined ? undefined : typeof whenMissing === 'function' ? whenMissing : () => whenMissing;
  const present = blockPresence(found);
  if (missing && present.state === 'known' && !present.value) results.push(missing());
  for (const block of found.occurrences) results.push(...([] as CheckResult[]).concat(check(block)));
  // Blocks that may not exist: unless their content already fails, the missing case decides.
  if (missing && present.state === 'unknown' && !found.unknownExpression && results.every(passes)) {
    const result = missing();
    if (!passes(result))
      results.push(
        unknown(
          `${name} comes from a dynamic block whose for_each (${describeExpression(present.expression)}) may be empty, and without it: ${result.message}`,
          name,
        ),
      );
  }
  return results;
}

const passes = (r: CheckResult) => r.status === 'pass' || r.status === 'not-applicable';
