/**
 * A module's configuration, rewritten as it reads from its caller. Terraform JSON strings are templates
 * (`"${var.cidr}"`, `"sg-${local.name}"`); inside a module they name the module's own things:
 *
 * - `var.x`, `local.x` (and, in a call's own arguments, `count.index`, `each.key`, `each.value`) are
 *   replaced by their value where the value is known and the reference is the whole value (then the value
 *   keeps its type: a list stays a list) or a whole interpolation (`"sg-${var.env}"` → `"sg-prod"`, for a
 *   string, number or bool). Anywhere else they stay as written: an expression, which rules report as
 *   unknown.
 * - References to the module's resources, data sources and module calls get the module's address in front
 *   (`aws_s3_bucket.b.id` → `module.logs.aws_s3_bucket.b.id`), so that no rule resolves them to a root
 *   resource of the same name. Rules do not resolve references that start with `module.`, so a reference
 *   between two resources of a module is unknown to them (fail closed), never the wrong resource.
 *
 * An expression that cannot be scanned (a heredoc inside `${…}`, an unterminated template) becomes one
 * unknown expression as a whole.
 */
import { isObject } from '../values';

/** The value of a name in scope; undefined when it is not known (then it stays an expression). */
export type Lookup = (root: string, name: string) => { readonly value: unknown } | undefined;

export interface Rewrite {
  /** Replaces `var.x`, `local.x`, `count.index`, `each.key`, `each.value` where known. */
  readonly lookup: Lookup;
  /**
   * The module's address (`module.a`, `module.a[0].module.b`), put in front of references to its own
   * resources, data sources and module calls; undefined leaves references as they are (a call's own
   * arguments, which are written in the caller's scope).
   */
  readonly prefix?: string;
  /** Resource types the module declares: `<type>.key` and `<type>.value` are references, not iterators. */
  readonly resourceTypes?: ReadonlySet<string>;
}

/** Roots that are not objects of the module: they are never prefixed. */
const SCOPE_ROOTS = new Set(['var', 'local', 'each', 'count', 'self', 'path', 'terraform']);

const IDENT_START = /[\p{ID_Start}_]/u;
const IDENT_PART = /[\p{ID_Continue}-]/u;
const WHOLE_REFERENCE = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)\s*$/;

/** Every string in `value` rewritten (object keys are names, not templates, and are kept). */
export function rewriteValue(value: unknown, rewrite: Rewrite): unknown {
  if (typeof value === 'string') return rewriteString(value, rewrite);
  if (Array.isArray(value)) return value.map((v) => rewriteValue(v, rewrite));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) setOwn(out, key, rewriteValue(inner, rewrite));
    return out;
  }
  return value;
}

type Part = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'interpolation' | 'directive'; readonly expression: string };

class Unscannable extends Error {}

/** Templates inside expressions inside templates, at most this deep (real ones: two or three). */
const MAX_NESTING = 64;

/** One template string rewritten; a whole-value reference to a known value becomes that value. */
export function rewriteString(text: string, rewrite: Rewrite): unknown {
  try {
    const { parts } = templateParts(text, 0, false, 0);
    if (parts.length === 1 && parts[0].kind === 'interpolation') {
      const known = wholeReference(parts[0].expression, rewrite);
      if (known) return known.value;
    }
    let out = '';
    for (const part of parts) {
      if (part.kind === 'literal') out += part.text;
      else if (part.kind === 'directive') out += `%{${rewriteExpression(part.expression, rewrite, 1)}}`;
      else {
        const known = wholeReference(part.expression, rewrite);
        const inline = known === undefined ? undefined : inlineText(known.value);
        out += inline ?? `\${${rewriteExpression(part.expression, rewrite, 1)}}`;
      }
    }
    return out;
  } catch (error) {
    if (!(error instanceof Unscannable)) throw error;
    const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    return `\${unscanned_expression(${JSON.stringify(shown.replace(/\$\{|%\{/g, '{'))})}`;
  }
}

/** `var.x` (whole expression, no strip markers) with a known value. */
function wholeReference(expression: string, rewrite: Rewrite): { readonly value: unknown } | undefined {
  const match = WHOLE_REFERENCE.exec(expression);
  return match ? rewrite.lookup(match[1], match[2]) : undefined;
}

/** A value as text inside a template: strings as written (they are templates too), numbers and bools. */
function inlineText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The parts of a template from `start`: literal text, `${…}` and `%{…}`. Inside a quoted string (`quoted`),
 * it ends at the closing quote and backslash escapes are kept as written. Returns where it ended.
 */
function templateParts(text: string, start: number, quoted: boolean, depth: number): { parts: Part[]; end: number } {
  if (depth > MAX_NESTING) throw new Unscannable('nested too deeply');
  const parts: Part[] = [];
  let literal = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (quoted && c === '"') return { parts: flush(parts, literal), end: i };
    if (quoted && c === '\\') {
      literal += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      literal += text.slice(i, i + 3); // `$${` and `%%{` are escapes: literal text
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = expressionEnd(text, i + 2, depth + 1);
      flush(parts, literal);
      literal = '';
      parts.push({ kind: c === '$' ? 'interpolation' : 'directive', expression: text.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    literal += c;
    i++;
  }
  if (quoted) throw new Unscannable('unterminated string');
  return { parts: flush(parts, literal), end: i };
}

function flush(parts: Part[], literal: string): Part[] {
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return parts;
}

/** The index of the `}` that closes the expression starting at `start`. */
function expressionEnd(text: string, start: number, depth: number): number {
  let braces = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = templateParts(text, i + 1, true, depth + 1).end;
    else if (c === '{') braces++;
    else if (c === '}') {
      if (braces === 0) return i;
      braces--;
    } else if (c === '<' && text[i + 1] === '<') throw new Unscannable('heredoc');
  }
  throw new Unscannable('unterminated expression');
}

/** An expression with the module's references prefixed, strings inside it rewritten as templates. */
function rewriteExpression(expression: string, rewrite: Rewrite, depth: number): string {
  let out = '';
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (c === '"') {
      const { end } = templateParts(expression, i + 1, true, depth + 1);
      out += `"${rewriteQuoted(expression.slice(i + 1, end), rewrite, depth + 1)}"`;
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const number = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(expression.slice(i))![0];
      out += number;
      i += number.length;
      continue;
    }
    if (IDENT_START.test(c)) {
      let end = i + 1;
      while (end < expression.length && IDENT_PART.test(expression[end])) end++;
      const name = expression.slice(i, end);
      out += rootPrefix(expression, end, name, out, rewrite) + name;
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Quoted text inside an expression: its own interpolations rewritten (no whole-value replacement). */
function rewriteQuoted(inner: string, rewrite: Rewrite, depth: number): string {
  const { parts } = templateParts(`${inner}"`, 0, true, depth);
  let out = '';
  for (const part of parts) {
    if (part.kind === 'literal') out += part.text;
    else if (part.kind === 'directive') out += `%{${rewriteExpression(part.expression, rewrite, depth + 1)}}`;
    else {
      const known = wholeReference(part.expression, rewrite);
      const inline = known === undefined ? undefined : inlineText(known.value);
      out += inline !== undefined && !/["\\]/.test(inline) ? inline : `\${${rewriteExpression(part.expression, rewrite, depth + 1)}}`;
    }
  }
  return out;
}

/** What goes in front of the identifier that ends at `end`: the module's address when it begins a reference to one of its objects. */
function rootPrefix(expression: string, end: number, name: string, before: string, rewrite: Rewrite): string {
  if (rewrite.prefix === undefined || SCOPE_ROOTS.has(name)) return '';
  if (/\.\s*$/.test(before)) return ''; // an attribute (`x.name`), not a root
  const after = /^\s*\.\s*([\p{ID_Start}_][\p{ID_Continue}-]*)/u.exec(expression.slice(end));
  if (!after) return ''; // a function call, a keyword, an object key, a for variable on its own
  if ((after[1] === 'value' || after[1] === 'key') && name !== 'data' && name !== 'module' && !rewrite.resourceTypes?.has(name)) return ''; // an iterator
  return `${rewrite.prefix}.`;
}

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
