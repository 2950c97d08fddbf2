/**
 * Terraform template strings, taken apart. Every string in Terraform JSON is a template: `${…}` is an
 * expression, `%{…}` a directive, and `$${` / `%%{` are the escapes for a literal `${` / `%{` (IAM policy
 * variables such as `$${aws:username}` are written that way). Policy readers keep strings in this template
 * form, so "is this part known?" is always `isExpression(item)`, and the literal value is `literalOf(item)`.
 */
import { isExpression } from '../../../engine/values';

export type TemplatePart = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'expression'; readonly text: string };

/**
 * Split a template into literal text (kept escaped, as written) and `${…}` expressions (with delimiters).
 * Undefined when it uses a `%{…}` directive (its output depends on a condition or a loop) or an expression
 * is not closed: callers then treat the whole string as unknown.
 */
export function splitTemplate(template: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  // Only a `$` or a `%` can start anything but literal text: the text up to the next one is taken whole.
  let dollar = template.indexOf('$');
  let percent = template.indexOf('%');
  while (i < template.length) {
    if (dollar !== -1 && dollar < i) dollar = template.indexOf('$', i);
    if (percent !== -1 && percent < i) percent = template.indexOf('%', i);
    const next = Math.min(dollar === -1 ? template.length : dollar, percent === -1 ? template.length : percent);
    if (next > i) {
      literal += template.slice(i, next);
      i = next;
      continue;
    }
    if (template.startsWith('$${', i) || template.startsWith('%%{', i)) {
      literal += template.slice(i, i + 3);
      i += 3;
    } else if (template.startsWith('${', i)) {
      const end = expressionEnd(template, i);
      if (end < 0) return undefined;
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'expression', text: template.slice(i, end + 1) });
      i = end + 1;
    } else if (template.startsWith('%{', i)) {
      return undefined;
    } else {
      literal += template[i];
      i++;
    }
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}

/**
 * Index of the `}` closing the `${` at `start`, or -1. Braces inside the expression's own quoted strings
 * (which may hold nested templates) do not count.
 */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    } else if (ch === '"') {
      i = quotedEnd(text, i);
      if (i < 0) return -1;
    }
    i++;
  }
  return -1;
}

/** Index of the `"` closing the HCL string opened at `start`, skipping escapes and nested `${…}`. */
function quotedEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i;
    else if (text.startsWith('$${', i)) i += 3;
    else if (text.startsWith('${', i)) {
      const end = expressionEnd(text, i);
      if (end < 0) return -1;
      i = end + 1;
    } else i++;
  }
  return -1;
}

/** The value a template without expressions stands for (`$${` → `${`), or undefined when it has any. */
export function literalOf(template: string): string | undefined {
  if (isExpression(template)) return undefined;
  return unescapeLiteral(template);
}

export function unescapeLiteral(text: string): string {
  if (!text.includes('$${') && !text.includes('%%{')) return text;
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/**
 * A plain reference to an attribute of a resource or data source (`aws_iam_role.app.arn`,
 * `data.aws_caller_identity.current.account_id`). Provider-computed attributes (ARNs, IDs, names, account
 * IDs) never contain IAM wildcards, so such a reference stands for one concrete value. Variables, locals,
 * module outputs, iterators and function calls can hold anything, `*` included.
 */
const CONCRETE_REFERENCE = /^\$\{\s*(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?(?:\.[A-Za-z0-9_]+)+\s*\}$/;
const OPEN_ROOTS = /^\$\{\s*(?:var|local|module|each|count|path|terraform|self)\./;

/** `${statement.value.actions}` inside a dynamic block is the iterator, which holds whatever for_each gives it. */
const ITERATOR = /^\$\{\s*[a-z][a-z0-9_]*\.(?:value|key)\b/;

export function isConcreteReference(expression: string): boolean {
  return CONCRETE_REFERENCE.test(expression) && !OPEN_ROOTS.test(expression) && !ITERATOR.test(expression);
}

/** What an expression part becomes in the worst case. `undefined` from a resolver means "no idea". */
export type ExpressionResolver = (expression: string) => string | undefined;

/** Stands in for a concrete referenced value: contains no wildcard and matches no pattern but `*`. */
export const CONCRETE_VALUE = '\uE100concrete\uE101';

/**
 * The most permissive value a template can take: each expression becomes what `resolve` says, else a
 * concrete placeholder for a plain resource reference, else `*` (it could be anything, a wildcard
 * included). A test that a value matches a pattern (or is a wildcard) is monotone in this substitution:
 * when the worst case does not match, no evaluation of the template does.
 */
export function worstCase(template: string, resolve?: ExpressionResolver): string {
  const parts = splitTemplate(template);
  if (!parts) return '*';
  return parts
    .map((part) => {
      if (part.kind === 'literal') return unescapeLiteral(part.text);
      const resolved = resolve?.(part.text);
      if (resolved !== undefined) return resolved;
      return isConcreteReference(part.text) ? CONCRETE_VALUE : '*';
    })
    .join('');
}

/**
 * Glob match as IAM does it: `*` is any run of characters (colons and slashes included), `?` one character.
 * Actions compare case-insensitively; ARNs and condition values as the operator says.
 */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative wildcard match with backtracking to the last `*`: linear enough for policy-sized strings.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
