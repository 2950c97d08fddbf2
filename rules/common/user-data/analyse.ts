/**
 * Read one user-data value the way the instance will receive it and say what secrets it carries: literal
 * secrets in the text (after base64 and gzip decoding where the attribute is base64), references to
 * secret-bearing attributes in `${…}`, and what cannot be judged at all.
 */
import { gunzipSync } from 'zlib';
import { describeExpression } from '../../../engine/values';
import { findLiteralSecrets } from './literal-secrets';
import { classifyReference, findReferences, isSingleReference, type Reference } from './references';
import { parseTemplate, splitExpression, type TemplatePart } from './template';

export interface UserDataFindings {
  /** One line per secret, already masked. */
  readonly secrets: string[];
  /** What could not be judged. */
  readonly unknowns: string[];
  /** Secrets accepted on purpose (a single-use, short-lived join key), for the pass message. */
  readonly accepted: string[];
}

/**
 * Decide whether a reference to a secret is acceptable anyway. Returns a message for the findings list it
 * belongs in, or undefined when the reference is an ordinary secret.
 */
export type SecretPolicy = (ref: Reference) => { readonly accepted: string } | { readonly unknown: string } | { readonly secret: string } | undefined;

/**
 * Functions that pass their one argument through (or merely encode or trim it): the secret, or its absence,
 * is the argument's. `base64encode("…")` is how cdktf writes Fn.base64encode(script).
 */
const TRANSPARENT = /^\s*(?:base64encode|base64gzip|textencodebase64|trimspace|chomp|nonsensitive|sensitive)\(([\s\S]*)\)\s*$/;

/** `base64encode(trimspace(x))` → `x`. */
function unwrap(code: string): string {
  for (let match = TRANSPARENT.exec(code); match; match = TRANSPARENT.exec(code)) code = match[1];
  return code.trim();
}

export function analyseUserData(value: string, encoding: 'text' | 'base64', policy: SecretPolicy): UserDataFindings {
  const findings: UserDataFindings = { secrets: [], unknowns: [], accepted: [] };
  const parsed = parseTemplate(value);
  if (!parsed.ok) {
    findings.unknowns.push(`it cannot be parsed (${parsed.error})`);
    literal(value, findings);
    return findings;
  }
  const parts = parsed.value;
  const onlyText = parts.every((p) => p.kind === 'literal');
  if (encoding === 'base64' && onlyText) {
    const text = parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
    const decoded = decodeBase64(text);
    if (typeof decoded === 'string') literal(decoded, findings);
    else if (decoded.error !== 'not base64') findings.unknowns.push(decoded.error);
    // The raw text too: plain text put where base64 belongs may still decode (to garbage), hiding the secret.
    const seen = new Set(findings.secrets);
    for (const s of findLiteralSecrets(text)) if (!seen.has(`${s.kind} (${s.masked})`)) findings.secrets.push(`${s.kind} (${s.masked})`);
    return findings;
  }
  template(parts, policy, findings);
  return findings;
}

function literal(text: string, findings: UserDataFindings): void {
  for (const s of findLiteralSecrets(text)) findings.secrets.push(`${s.kind} (${s.masked})`);
}

function template(parts: readonly TemplatePart[], policy: SecretPolicy, findings: UserDataFindings): void {
  // Interpolations become \0, so a value like `PASSWORD=${…}` stops there and only the reference is judged.
  literal(parts.map((p) => (p.kind === 'literal' ? p.text : '\0')).join(''), findings);
  // Directives (%{ if }, %{ for }) output nothing themselves; the text in their branches is scanned above.
  for (const part of parts) if (part.kind === 'interpolation') expression(part.expression, policy, findings);
}

function expression(text: string, policy: SecretPolicy, findings: UserDataFindings): void {
  const split = splitExpression(text);
  if (!split.ok) {
    findings.unknowns.push(`\${${describeExpression(text)}} cannot be parsed (${split.error})`);
    return;
  }
  const { code, strings } = split.value;
  const secretsBefore = findings.secrets.length;
  for (const inner of strings) template(inner, policy, findings);

  const refs = findReferences(code);
  let undetermined = false;
  for (const ref of refs) {
    const decision = policy(ref);
    if (decision && 'accepted' in decision) findings.accepted.push(decision.accepted);
    else if (decision && 'unknown' in decision) findings.unknowns.push(decision.unknown);
    else if (decision && 'secret' in decision) findings.secrets.push(decision.secret);
    else {
      const kind = classifyReference(ref);
      if (kind === 'secret') findings.secrets.push(`\${${ref.text}}, a secret-bearing attribute`);
      undetermined ||= kind === 'undetermined';
    }
  }
  if (findings.secrets.length > secretsBefore) return;
  const inner = unwrap(code);
  // A quoted template (already read above), or one reference that was judged.
  if (inner === '""' || (refs.length === 1 && isSingleReference(inner, refs[0]) && !undetermined)) return;
  // A variable, a local, a module output, a function such as templatefile() or file(): its value is not here.
  findings.unknowns.push(`\${${describeExpression(text)}} cannot be checked for secrets`);
}

/** Base64 (and gzip inside it, which cloud-init accepts) → text; an error when it is not decodable. */
export function decodeBase64(text: string): string | { error: string } {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return { error: 'not base64' };
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return { error: 'it is gzip-compressed but cannot be decompressed' };
    }
  }
  return bytes.toString('utf8');
}
