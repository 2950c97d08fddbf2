/**
 * Just enough of Terraform's template syntax to read user data without evaluating it: split a JSON string
 * value into literal text and `${…}` / `%{…}` parts, and split an expression into its code and the quoted
 * strings inside it (which are templates again, with HCL escapes). cdktf writes `Fn.base64encode(script)` as
 * `${base64encode("#!/bin/bash\n…")}`, so reading inside quoted strings is what lets a rule see the script.
 *
 * Anything this parser does not understand (unbalanced braces, heredocs inside expressions) comes back as an
 * error or as opaque code, and callers treat it as unknown, never as clean.
 */

export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'interpolation'; readonly expression: string }
  | { readonly kind: 'directive'; readonly expression: string };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Parse a template. `quoted` is for the inside of an HCL quoted string, where backslash escapes apply; a
 * top-level JSON string value has had its escapes decoded by JSON already.
 */
export function parseTemplate(text: string, quoted = false): Parsed<TemplatePart[]> {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 3);
    if (two === '$${' || two === '%%{') {
      literal += two.slice(1);
      i += 3;
    } else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      const end = expressionEnd(text, i + 2);
      if (end < 0) return { ok: false, error: `unterminated ${text.slice(i, i + 2)} in template` };
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      const expression = text
        .slice(i + 2, end)
        .replace(/^~/, '')
        .replace(/~$/, '')
        .trim();
      parts.push({ kind: text[i] === '$' ? 'interpolation' : 'directive', expression });
      i = end + 1;
    } else if (quoted && text[i] === '\\') {
      const next = text[i + 1];
      const unicode = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (unicode) {
        const code = parseInt(text.slice(i + 2, i + 2 + unicode), 16);
        literal += Number.isFinite(code) ? String.fromCodePoint(code) : '';
        i += 2 + unicode;
      } else {
        literal += ESCAPES[next] ?? next ?? '';
        i += 2;
      }
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return { ok: true, value: parts };
}

/** An expression with its quoted strings cut out: `code` has `""` in their place, `strings` their parsed contents. */
export interface SplitExpression {
  readonly code: string;
  readonly strings: readonly TemplatePart[][];
}

export function splitExpression(expression: string): Parsed<SplitExpression> {
  let code = '';
  const strings: TemplatePart[][] = [];
  let i = 0;
  while (i < expression.length) {
    if (expression[i] !== '"') {
      code += expression[i];
      i += 1;
      continue;
    }
    const end = quotedEnd(expression, i);
    if (end < 0) return { ok: false, error: 'unterminated string in expression' };
    const inner = parseTemplate(expression.slice(i + 1, end - 1), true);
    if (!inner.ok) return inner;
    strings.push(inner.value);
    code += '""';
    i = end;
  }
  return { ok: true, value: { code, strings } };
}

/** Index of the `}` closing an expression that starts at `start` (just after `${`), or -1. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = quotedEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '{') depth += 1;
    else if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
    i += 1;
  }
  return -1;
}

/** Index just past the `"` closing a quoted string that opens at `start`, or -1. Nested templates are skipped whole. */
function quotedEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (text.startsWith('$${', i) || text.startsWith('%%{', i)) i += 3;
    else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      const end = expressionEnd(text, i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else i += 1;
  }
  return -1;
}
