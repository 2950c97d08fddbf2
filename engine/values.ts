/**
 * Reading values out of Terraform JSON without ever guessing, and reasoning with what was read.
 *
 * Terraform JSON strings are templates: `"${var.x}"` or `"ami-${var.y}"` is only known when Terraform
 * evaluates it, and in a plan an unknown value is "known after apply". Every reader here says which of
 * three things it found: a known value, an unknown one (with the expression, for the message), or nothing.
 * The same type answers the rules' questions ("is this open to the internet?"): known yes / no, or unknown
 * with why; the combinators below (`and`, `or`, `not`, `all`, `any`, `map`, `chain`) never turn an unknown
 * into a known answer unless the known parts decide it.
 */
import type { JsonObject } from './types';

/** A value that is known. `why` and `attribute` are optional context for messages (why it is so, and where). */
export interface Known<T> {
  readonly state: 'known';
  readonly value: T;
  readonly why?: string;
  readonly attribute?: string;
}

/** A value that is not known before apply. `expression` says why: the expression, or the reason in words. */
export interface Unknown {
  readonly state: 'unknown';
  readonly expression: string;
  readonly attribute?: string;
}

export interface Absent {
  readonly state: 'absent';
}

/** THE three-valued type: known, unknown (with why), or absent (not set at all). */
export type Value<T> = Known<T> | Unknown | Absent;

/** A value that is there (known or unknown): what a question answers. `Answer` alone is a yes / no answer. */
export type Answer<T = boolean> = Known<T> | Unknown;

const context = (why?: string, attribute?: string) => ({ ...(why !== undefined ? { why } : {}), ...(attribute !== undefined ? { attribute } : {}) });

/** A known value, with optional context for messages. */
export const known = <T>(value: T, why?: string, attribute?: string): Known<T> => ({ state: 'known', value, ...context(why, attribute) });
/** An unknown value: `expression` is the expression, or why the value cannot be known. */
export const maybe = (expression: string, attribute?: string): Unknown => ({ state: 'unknown', expression, ...(attribute !== undefined ? { attribute } : {}) });
export const ABSENT: Absent = { state: 'absent' };
export const YES: Known<boolean> = { state: 'known', value: true };
export const NO: Known<boolean> = { state: 'known', value: false };

export const isYes = (a: Value<boolean>): boolean => a.state === 'known' && a.value === true;
export const isNo = (a: Value<boolean>): boolean => a.state === 'known' && a.value === false;
export const isUnknown = (a: Value<unknown>): a is Unknown => a.state === 'unknown';

/** False if any is false (that answer, with its why); else the first unknown; else the last (true) one. */
export function and(...answers: readonly Answer[]): Answer {
  return answers.find(isNo) ?? answers.find(isUnknown) ?? answers[answers.length - 1] ?? YES;
}

/** True if any is true (that answer, with its why); else the first unknown; else the last (false) one. */
export function or(...answers: readonly Answer[]): Answer {
  return answers.find(isYes) ?? answers.find(isUnknown) ?? answers[answers.length - 1] ?? NO;
}

/** The opposite answer (same why and attribute); unknown stays unknown. */
export function not(answer: Answer): Answer {
  return answer.state === 'known' ? { ...answer, value: !answer.value } : answer;
}

/** `and` over a list: `test` holds for every item (true for none). */
export function all<T>(items: readonly T[], test: (item: T) => Answer): Answer {
  return and(...items.map(test));
}

/** `or` over a list: `test` holds for some item (false for none). */
export function any<T>(items: readonly T[], test: (item: T) => Answer): Answer {
  return or(...items.map(test));
}

/** A known value transformed; unknown and absent pass through unchanged (with their why). */
export function map<T, U>(value: Answer<T>, f: (value: T) => U): Answer<U>;
export function map<T, U>(value: Value<T>, f: (value: T) => U): Value<U>;
export function map<T, U>(value: Value<T>, f: (value: T) => U): Value<U> {
  return value.state === 'known' ? known(f(value.value), value.why, value.attribute) : value;
}

/** A known value's next question (which may itself be unknown or absent); unknown and absent pass through. */
export function chain<T, U>(value: Answer<T>, f: (value: T) => Answer<U>): Answer<U>;
export function chain<T, U>(value: Value<T>, f: (value: T) => Value<U>): Value<U>;
export function chain<T, U>(value: Value<T>, f: (value: T) => Value<U>): Value<U> {
  return value.state === 'known' ? f(value.value) : value;
}

/** One function per state: a value read without nested ternaries. */
export function match<T, R>(
  value: Value<T>,
  cases: { readonly known: (value: T) => R; readonly unknown: (expression: string) => R; readonly absent: () => R },
): R {
  if (value.state === 'known') return cases.known(value.value);
  return value.state === 'unknown' ? cases.unknown(value.expression) : cases.absent();
}

/** A value for messages: the known value, the (shortened) expression, or `whenAbsent`. */
export function show(value: Value<unknown>, whenAbsent: string): string {
  return match(value, { known: (v) => (typeof v === 'string' ? v : JSON.stringify(v)), unknown: (e) => describeExpression(e), absent: () => whenAbsent });
}

/** What an unset value means (the provider's default): absent becomes known `fallback`. */
export function orDefault<T>(value: Value<T>, fallback: T, why?: string): Answer<T> {
  return value.state === 'absent' ? known(fallback, why) : value;
}

/** What a plan's unknown ("known after apply") values are turned into, so one reader handles both. */
export const UNKNOWN_AFTER_APPLY = '${(known after apply)}';

const TEMPLATE = /(^|[^$])\$\{|(^|[^%])%\{/;

/** True for a string that Terraform evaluates (interpolation `${…}` or directive `%{…}`). */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && TEMPLATE.test(value);
}

/** True when anything inside (a string, or any string nested in an object/array) is an expression. */
export function containsExpression(value: unknown): boolean {
  if (isExpression(value)) return true;
  if (Array.isArray(value)) return value.some(containsExpression);
  if (isObject(value)) return Object.values(value).some(containsExpression);
  return false;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A raw attribute: absent when missing or null, unknown when it is an expression. */
export function attr(body: JsonObject, key: string): Value<unknown> {
  const value = body[key];
  if (value === undefined || value === null) return ABSENT;
  if (isExpression(value)) return { state: 'unknown', expression: value };
  return { state: 'known', value };
}

/** A boolean attribute. Terraform accepts `true` and `"true"`; anything else non-boolean is unknown. */
export function boolAttr(body: JsonObject, key: string): Value<boolean> {
  const raw = attr(body, key);
  if (raw.state !== 'known') return raw;
  if (raw.value === true || raw.value === 'true') return { state: 'known', value: true };
  if (raw.value === false || raw.value === 'false') return { state: 'known', value: false };
  return { state: 'unknown', expression: JSON.stringify(raw.value) };
}

/** A number attribute (Terraform accepts numeric strings). */
export function numberAttr(body: JsonObject, key: string): Value<number> {
  const raw = attr(body, key);
  if (raw.state !== 'known') return raw;
  const n = typeof raw.value === 'number' ? raw.value : typeof raw.value === 'string' ? Number(raw.value) : NaN;
  if (typeof raw.value === 'string' && raw.value.trim() === '') return { state: 'unknown', expression: '""' };
  return Number.isFinite(n) ? { state: 'known', value: n } : { state: 'unknown', expression: JSON.stringify(raw.value) };
}

/** A string attribute; numbers and booleans are converted as Terraform would. */
export function stringAttr(body: JsonObject, key: string): Value<string> {
  const raw = attr(body, key);
  if (raw.state !== 'known') return raw;
  if (typeof raw.value === 'string') return { state: 'known', value: raw.value };
  if (typeof raw.value === 'number' || typeof raw.value === 'boolean') return { state: 'known', value: String(raw.value) };
  return { state: 'unknown', expression: JSON.stringify(raw.value) };
}

/** A list attribute whose whole value is known (elements may still be expressions). */
export function listAttr(body: JsonObject, key: string): Value<readonly unknown[]> {
  const raw = attr(body, key);
  if (raw.state !== 'known') return raw;
  if (Array.isArray(raw.value)) return { state: 'known', value: raw.value };
  // A single value where a list is expected: Terraform would reject it; treat it as unknown, never as empty.
  return { state: 'unknown', expression: JSON.stringify(raw.value) };
}

/** One nested block occurrence, static or generated by a `dynamic` block. */
export interface BlockOccurrence {
  /** The block's attributes (for a dynamic block: its `content`). */
  readonly body: JsonObject;
  /** Path for messages, e.g. `ebs_block_device[1]` or `dynamic.ebs_block_device.content`. */
  readonly path: string;
  /** True when generated by a `dynamic` block: how many there are may be unknown, and values may use the iterator. */
  readonly dynamic: boolean;
  /**
   * Set (to the `for_each` expression) when this block may not exist at all: a `dynamic` block whose
   * `for_each` is not known may produce none.
   */
  readonly mayBeNone?: string;
}

export interface Blocks {
  /** The blocks that exist or may exist (a dynamic block with a known-empty `for_each` produces none). */
  readonly occurrences: readonly BlockOccurrence[];
  /** Set when the whole set of blocks is an expression (e.g. `"ingress": "${local.rules}"`). */
  readonly unknownExpression?: string;
}

/**
 * Every occurrence of nested block `name` in `body`: written as an object, a list of objects, or via
 * `dynamic` (an object or list of objects, possibly several), read by what Terraform may produce:
 *  - a dynamic block whose `for_each` is a known empty list or map produces nothing, so it is absent;
 *  - one whose `for_each` is not known (an expression, a plan's unknown) may produce none: its content is
 *    returned (every block it makes looks like that) marked `mayBeNone`, so that whether any block exists is
 *    unknown (see `blockPresence`);
 *  - one whose `for_each` is known and non-empty produces at least one block like its content; a content
 *    that is not an object (an expression) makes the blocks unknown.
 * A block or content that is not an object is reported as an unknown expression, never dropped.
 */
export function blocks(body: JsonObject, name: string): Blocks {
  const occurrences: BlockOccurrence[] = [];
  let unknownExpression: string | undefined;
  const note = (expr: unknown): void => {
    unknownExpression ??= typeof expr === 'string' ? expr : JSON.stringify(expr);
  };

  const direct = body[name];
  if (direct !== undefined && direct !== null) {
    if (isExpression(direct)) note(direct);
    else if (Array.isArray(direct)) {
      direct.forEach((item, i) => (isObject(item) ? occurrences.push({ body: item, path: `${name}[${i}]`, dynamic: false }) : note(item)));
    } else if (isObject(direct)) occurrences.push({ body: direct, path: name, dynamic: false });
    else note(direct);
  }

  for (const dyn of asList(body.dynamic)) {
    if (!isObject(dyn)) {
      note(dyn);
      continue;
    }
    for (const spec of asList(dyn[name])) {
      if (!isObject(spec)) {
        note(spec);
        continue;
      }
      const count = dynamicCount(spec.for_each, name);
      if (count.state === 'known' && count.value === 0) continue;
      const content = spec.content;
      const mayBeNone = count.state === 'unknown' ? { mayBeNone: count.expression } : {};
      if (isObject(content)) occurrences.push({ body: content, path: `dynamic.${name}.content`, dynamic: true, ...mayBeNone });
      else note(content ?? `dynamic "${name}" without content`);
    }
  }
  return unknownExpression === undefined ? { occurrences } : { occurrences, unknownExpression };
}

/**
 * How many blocks a dynamic block's `for_each` makes: a known count for a literal list or map (whatever its
 * elements are), unknown for anything else. A missing, null or scalar `for_each` is an error Terraform
 * reports; here it is unknown, never "none".
 */
function dynamicCount(forEach: unknown, name: string): Answer<number> {
  if (Array.isArray(forEach)) return { state: 'known', value: forEach.length };
  if (isObject(forEach)) return { state: 'known', value: Object.keys(forEach).length };
  if (typeof forEach === 'string') return { state: 'unknown', expression: forEach };
  return { state: 'unknown', expression: forEach === undefined ? `dynamic "${name}" without for_each` : JSON.stringify(forEach) };
}

/**
 * Whether at least one block exists: known true when a static block or a dynamic block with a known,
 * non-empty `for_each` is there; known false only when nothing can produce one; otherwise unknown (the
 * blocks are an expression, or come only from dynamic blocks whose `for_each` may be empty). Rules that
 * treat a missing block differently from a present one ask this, never `occurrences.length`.
 */
export function blockPresence(found: Blocks): Answer {
  if (found.occurrences.some((o) => o.mayBeNone === undefined)) return { state: 'known', value: true };
  if (found.unknownExpression !== undefined) return { state: 'unknown', expression: found.unknownExpression };
  const maybe = found.occurrences.find((o) => o.mayBeNone !== undefined);
  if (maybe) return { state: 'unknown', expression: maybe.mayBeNone! };
  return { state: 'known', value: false };
}

function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `${[module.a[0].…]type.name[index][.attribute…]}`: the module path (of a module's own resource) is kept. */
const REFERENCE = /^\$\{((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)([a-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?(?:\.[A-Za-z0-9_.[\]"*-]*)?\}$/;

/**
 * Terraform's type conversion functions. Each returns its argument's value as another type (the id string
 * `"123"` as the number 123, a tuple as a set…), so `${tonumber(digitalocean_droplet.web.id)}`, cdktf's
 * `Fn.tonumber(droplet.id)`, still names that droplet.
 */
export const TYPE_CONVERSIONS: readonly string[] = ['tobool', 'tolist', 'tomap', 'tonumber', 'toset', 'tostring'];

const CONVERSION_CALL = new RegExp(`^(?:${TYPE_CONVERSIONS.join('|')})\\s*\\(`);

/** The argument of `f(arg)` when the call is the whole text (its closing parenthesis is the last character). */
function soleArgument(call: string): string | undefined {
  const open = call.indexOf('(');
  let depth = 0;
  for (let i = open; i < call.length; i++) {
    if (call[i] === '(') depth++;
    else if (call[i] === ')' && --depth === 0) return i === call.length - 1 ? call.slice(open + 1, i).trim() : undefined;
  }
  return undefined;
}

/**
 * A whole-value reference with its type conversions taken off: `${tonumber(aws_x.a.id)}` → `${aws_x.a.id}`
 * (nested conversions too); any other value is returned unchanged (trimmed, when a string). Only a call that
 * is the whole template counts: `${tostring(aws_x.a.id)}-logs` and `${tonumber(aws_x.a.id) + 1}` stay as they are.
 */
export function withoutConversions(value: string): string {
  const trimmed = value.trim();
  const template = /^\$\{(.*)\}$/s.exec(trimmed);
  if (!template) return trimmed;
  let inner: string | undefined = template[1];
  let unwrapped = false;
  while (inner !== undefined && CONVERSION_CALL.test(inner)) {
    inner = soleArgument(inner);
    unwrapped = true;
  }
  return unwrapped && inner !== undefined ? `\${${inner}}` : trimmed;
}

/**
 * The address a whole-value reference points at: `${aws_subnet.public.id}` → `aws_subnet.public`, also
 * through type conversions (`${tonumber(digitalocean_droplet.web.id)}` → `digitalocean_droplet.web`), and
 * inside a local module that was read (`${module.logs[0].aws_s3_bucket.b.id}` → `module.logs[0].aws_s3_bucket.b`,
 * the address the module's resource has in the stack; a module's output, `${module.vpc.vpc_id}`, is none).
 * Undefined for anything more complex (other function calls, conditionals, data sources, variables) and for
 * a reference that is only part of the value (`${aws_s3_bucket.a.id}-logs`).
 */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = REFERENCE.exec(withoutConversions(value));
  if (!match) return undefined;
  const [, modulePath, type, name] = match;
  // `${ingress.value.port}` inside a dynamic block is the iterator, not a resource called "value".
  if (name === 'value' || name === 'key') return undefined;
  if (['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self'].includes(type)) return undefined;
  return `${modulePath}${type}.${name}`;
}

/** Shorten long expressions for messages. */
export function describeExpression(expression: string, max = 80): string {
  const oneLine = expression.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
