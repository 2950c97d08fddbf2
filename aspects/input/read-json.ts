/**
 * Reading a JSON input once: the file is read in one go and parsed once, whatever its size. Only when
 * parsing fails is the text looked at again, to say where (line and column).
 */
import * as fs from 'fs';
import { parse, type ParseError } from 'jsonc-parser';
import { GuardrailInputError } from './input-error';

/** Read and parse a JSON file; every failure is a GuardrailInputError naming `label`. */
export function readJsonFile(file: string, label: string = file): unknown {
  return readJsonFileWithText(file, label).doc;
}

/** The parsed document and the text it came from (kept to locate findings by line, without a re-read). */
export function readJsonFileWithText(file: string, label: string = file): { readonly doc: unknown; readonly text: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new GuardrailInputError(label, readProblem(error));
  }
  return { doc: parseJsonText(text, label), text };
}

/** Parse JSON text (a file's or stdin's); a syntax error names the line and column. */
export function parseJsonText(text: string, label: string): unknown {
  // Editors on Windows write a byte order mark; JSON.parse rejects it, Terraform does not.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new GuardrailInputError(label, 'is empty (expected Terraform JSON or a plan from `terraform show -json`)');
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GuardrailInputError(label, `malformed JSON${where(body, reason)}: ${shortReason(reason)}`);
  }
}

export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ERR_STRING_TOO_LONG':
      return 'is too large to read as one JSON document';
    default:
      return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** " at line L, column C" for a syntax error, when its position can be found. */
function where(text: string, reason: string): string {
  const fromMessage = /at position (\d+)/.exec(reason);
  let offset = fromMessage ? Number(fromMessage[1]) : /Unexpected end of JSON input/.test(reason) ? text.length : jsonErrorOffset(text);
  if (offset < 0) return '';
  offset = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return ` at line ${line}, column ${offset - lineStart + 1}`;
}

/** V8's message without the position (we give line/column) and without its quote of the whole text. */
function shortReason(reason: string): string {
  return reason
    .replace(/,?\s*"[\s\S]*" is not valid JSON$/, '')
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .trim();
}

/**
 * Offset of the first syntax error in `text` (-1 if none found). V8 does not always say where it stopped
 * ("Unexpected token 'x', ... is not valid JSON"), so on that error path only, jsonc-parser finds it.
 */
export function jsonErrorOffset(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.length > 0 ? errors[0].offset : -1;
}
