/**
 * Reading a JSON input once, trusting nothing about it: only a regular file is read (a FIFO or device
 * would hang or never end), never more than a size cap, and in one go. The text is parsed once; only
 * when parsing fails, or when it holds a repeated key, is it looked at again to say where.
 *
 * Repeated keys matter because Terraform keeps every block of a repeated key (`"resource"` twice is two
 * blocks) while `JSON.parse` keeps only the last: checking what JSON.parse returns would silently skip the
 * first. So a repeated key is bad input, never something we guess about.
 */
import * as fs from 'fs';
import { parse, visit, type ParseError } from 'jsonc-parser';
import { GuardrailInputError } from './input-error';
import { membersParsed } from './nesting';
import { scanJsonText, type JsonTextScan, type SourceLocation } from './locations';

/** The default cap on one input's size. V8 cannot hold a string much over 512 MiB in any case. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** The most the cap can be raised to: above this, the text cannot be held as one string. */
export const MAX_INPUT_BYTES_LIMIT = 500 * 1024 * 1024;

export interface ReadLimits {
  /** Largest input read, in bytes; a larger one is refused (not truncated). */
  readonly maxBytes?: number;
  /** How to tell the user to raise the cap, e.g. "--max-input-mb". */
  readonly raiseWith?: string;
}

/** Read and parse a JSON file; every failure is a GuardrailInputError naming `label`. */
export function readJsonFile(file: string, label: string = file, limits: ReadLimits = {}): unknown {
  return parseJsonText(readRegularFile(file, label, limits), label);
}

/**
 * The parsed document and, when `place(doc)` says it is wanted, where each resource is written: found in
 * the pass that counts the members written for the repeated-key check, so the text is scanned once and
 * need not be kept.
 */
export function readJsonFilePlaced(
  file: string,
  label: string,
  limits: ReadLimits,
  place: (doc: unknown) => boolean,
): { readonly doc: unknown; readonly locations?: Map<string, SourceLocation> } {
  return parseJsonTextPlaced(readRegularFile(file, label, limits), label, place);
}

/**
 * The whole text of a regular file, at most `limits.maxBytes` long. The file is opened without blocking
 * and checked on the open descriptor (not by a separate stat, which a swap could fool), so a FIFO, a
 * device, a socket or a symlink to one is refused at once instead of hanging.
 */
export function readRegularFile(file: string, label: string, limits: ReadLimits = {}): string {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new GuardrailInputError(label, readProblem(error));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new GuardrailInputError(label, 'is a directory, not a file');
    if (!stat.isFile()) throw new GuardrailInputError(label, `is ${fileKind(stat)}, not a regular file; only regular files are read`);
    if (stat.size > maxBytes) throw new GuardrailInputError(label, tooLarge(stat.size, maxBytes, limits.raiseWith));
    // Read to the end, not to the size the stat gave: a file that grows meanwhile, or one whose size the
    // kernel reports as 0 (procfs), is read whole, and refused the moment it passes the cap.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(stat.size - length, 64 * 1024), maxBytes + 1 - length));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) throw new GuardrailInputError(label, tooLarge(length, maxBytes, limits.raiseWith));
    }
    const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof GuardrailInputError) throw error;
    throw new GuardrailInputError(label, readProblem(error));
  } finally {
    fs.closeSync(fd);
  }
}

export function tooLarge(size: number, maxBytes: number, raiseWith?: string): string {
  const mib = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round(n / (1024 * 1024))} MiB`);
  const how = raiseWith ? `; raise it with ${raiseWith} (at most ${mib(MAX_INPUT_BYTES_LIMIT)})` : '';
  return `is larger than the input size cap (${size >= maxBytes * 2 ? 'at least ' : ''}${mib(size)} > ${mib(maxBytes)})${how}`;
}

function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Counted in the walk that also measures nesting (see nesting.ts). */
export { membersParsed };

/** Parse JSON text (a file's or stdin's); a syntax error or a repeated key names the line and column. */
export function parseJsonText(text: string, label: string): unknown {
  return parseJsonTextPlaced(text, label, () => false).doc;
}

/** parseJsonText, and where each resource is written when `place(doc)` asks for it (see readJsonFilePlaced). */
export function parseJsonTextPlaced(
  text: string,
  label: string,
  place: (doc: unknown) => boolean,
): { readonly doc: unknown; readonly locations?: Map<string, SourceLocation> } {
  // Editors on Windows write a byte order mark; JSON.parse rejects it, Terraform does not.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new GuardrailInputError(label, 'is empty (expected Terraform JSON or a plan from `terraform show -json`)');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GuardrailInputError(label, `malformed JSON${where(body, reason)}: ${shortReason(reason)}`);
  }
  const scan = place(doc) ? placedScan(text) : undefined;
  // Cheap test first: as many members written as parsed means no key was repeated.
  if ((scan?.members ?? membersWritten(body)) !== membersParsed(doc)) {
    const repeated = repeatedKeyOrNesting(body, label);
    if (!repeated)
      throw new GuardrailInputError(label, 'holds more object members than it parses to, but no repeated key was found: refusing rather than guessing');
    throw new GuardrailInputError(
      label,
      `repeats the key ${JSON.stringify(repeated.key)} in one object${at(body, repeated.offset)}: Terraform reads every copy, JSON parsers keep only the last, so it cannot be checked as written`,
    );
  }
  return scan ? { doc, locations: scan.locations } : { doc };
}

/** Placing resources by line is a convenience: if it fails, the members are counted on their own (and nothing is placed). */
function placedScan(text: string): JsonTextScan | undefined {
  try {
    return scanJsonText(text);
  } catch {
    return undefined;
  }
}

/**
 * Members (`"key": value`) written in JSON text that JSON.parse accepted: every `:` outside a string is one.
 * Strings are skipped by jumping from quote to quote (a quote after an odd run of backslashes is escaped),
 * and only the short stretches between strings are looked at character by character: one linear pass,
 * cheaper than the parse itself.
 */
export function membersWritten(text: string): number {
  let count = 0;
  let i = 0;
  for (;;) {
    const open = text.indexOf('"', i);
    const end = open === -1 ? text.length : open;
    for (let c = i; c < end; c++) if (text.charCodeAt(c) === 0x3a) count++;
    if (open === -1) return count;
    let from = open + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close === -1) return count; // unterminated: JSON.parse has already refused it
      let b = close - 1;
      while (text.charCodeAt(b) === 0x5c) b--;
      if ((close - 1 - b) % 2 === 0) {
        i = close + 1;
        break;
      }
      from = close + 1;
    }
  }
}

/** The first repeated key; jsonc-parser's visitor recurses, so a document too deep for it is refused by name. */
function repeatedKeyOrNesting(text: string, label: string): { key: string; offset: number } | undefined {
  try {
    return firstRepeatedKey(text);
  } catch (error) {
    if (error instanceof RangeError) throw new GuardrailInputError(label, 'is nested too deeply to be checked for repeated keys');
    throw error;
  }
}

/** The first key written twice in one object, and where its second copy starts. */
export function firstRepeatedKey(text: string): { key: string; offset: number } | undefined {
  const open: Set<string>[] = [];
  let found: { key: string; offset: number } | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, offset) => {
      const keys = open[open.length - 1];
      if (found || !keys) return;
      if (keys.has(key)) found = { key, offset };
      else keys.add(key);
    },
  });
  return found;
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
    case 'ELOOP':
      return 'is a symbolic link that loops';
    case 'ENXIO':
      return 'is a socket or a device with nothing behind it, not a regular file';
    case 'ERR_STRING_TOO_LONG':
      return 'is too large to read as one JSON document';
    default:
      return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** " at line L, column C" for a syntax error, when its position can be found. */
function where(text: string, reason: string): string {
  const fromMessage = /at position (\d+)/.exec(reason);
  const offset = fromMessage ? Number(fromMessage[1]) : /Unexpected end of JSON input/.test(reason) ? text.length : jsonErrorOffset(text);
  return offset < 0 ? '' : at(text, offset);
}

function at(text: string, offset: number): string {
  const end = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return ` at line ${line}, column ${end - lineStart + 1}`;
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
