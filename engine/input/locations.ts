/**
 * Where each resource is written in a Terraform JSON file (line and column of its name), so SARIF results
 * carry a region (GitHub code scanning places alerts by line) and GitHub annotations point at the line.
 *
 * One pass over the text with an explicit stack, no recursion and no tree: any nesting depth is read
 * (a recursive parser overflows the call stack on a document nested some thousands of levels deep), and
 * only keys at the depth of a block's name are decoded. Columns count Unicode code points, as the SARIF
 * report declares (`columnKind: unicodeCodePoints`); lines end at LF, CRLF or CR.
 */

export interface SourceLocation {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** How many object keys down a block's name is: `resource.<type>.<name>`, `module.<name>`. */
const NAME_DEPTH: ReadonlyMap<string, number> = new Map([
  ['resource', 3],
  ['data', 3],
  ['module', 2],
]);

function addressOf(keys: readonly string[]): string | undefined {
  switch (keys[0]) {
    case 'resource':
      return `${keys[1]}.${keys[2]}`;
    case 'data':
      return `data.${keys[1]}.${keys[2]}`;
    case 'module':
      return `module.${keys[1]}`;
    default:
      return undefined;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Address → location of the key that names it, for `resource`, `data` and `module` blocks. */
export function resourceLocations(text: string): Map<string, SourceLocation> {
  return scanJsonText(text).locations;
}

export interface JsonTextScan {
  /** Address → location, as resourceLocations. */
  readonly locations: Map<string, SourceLocation>;
  /**
   * Members written (`"key": value`: every `:` outside a string), for text JSON.parse accepted; with the
   * members it parsed to, it tells whether a key was repeated (see read-json's membersWritten). Counted
   * in the same pass that places resources, so a file whose findings are placed is scanned once.
   */
  readonly members: number;
}

/** One pass over JSON text JSON.parse accepted: where each resource is written, and how many members are written. */
export function scanJsonText(text: string): JsonTextScan {
  const locations = new Map<string, SourceLocation>();
  let members = 0;
  // One entry per open container: true for an object, false for an array.
  const containers: boolean[] = [];
  // The key being read in each enclosing object, outermost first (only the first three matter).
  const keys: string[] = [];
  let objects = 0;
  let expectKey = false;
  const lines = text.indexOf('\r') === -1 ? new LineFeedCounter(text) : new LineCounter(text);

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break; // unterminated: nothing more can be placed
      if (expectKey && objects <= 3 && containers[containers.length - 1] === true) {
        const key = decodeKey(text, i, end);
        keys[objects - 1] = key;
        keys.length = objects;
        const depth = NAME_DEPTH.get(keys[0]);
        if (depth === objects) {
          const address = addressOf(keys);
          if (address !== undefined && !locations.has(address)) locations.set(address, lines.at(i));
        }
      }
      expectKey = false;
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (objects > 0) {
        const depth = NAME_DEPTH.get(keys[0]);
        if (depth === undefined || objects >= depth) {
          // A block's body, or a top-level block that names nothing: no key inside it is placed.
          const close = containerEnd(text, i);
          if (close.end < 0) break;
          members += close.colons;
          i = close.end;
          expectKey = false;
          continue;
        }
      }
      const object = c === 0x7b;
      containers.push(object);
      if (object) objects++;
      expectKey = object;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (containers.pop() === true) objects--;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = containers[containers.length - 1] === true;
    } else if (c === 0x3a /* : */) members++;
  }
  return { locations, members };
}

/**
 * Index of the bracket that closes the object or array opening at `start`, or -1: brackets are counted
 * (either kind closes either, as the scan above pops), strings skipped; and the members (`:`) inside it.
 */
function containerEnd(text: string, start: number): { end: number; colons: number } {
  let depth = 0;
  let colons = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return { end: -1, colons };
    } else if (c === 0x3a) colons++;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return { end: i, colons };
  }
  return { end: -1, colons };
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/**
 * The key whose literal spans `start` (its opening quote) to `end` (its closing quote). Without escapes or
 * control characters it is the text between the quotes, as JSON.parse would give it; otherwise JSON.parse
 * decodes it (and text it cannot decode is kept as written).
 */
function decodeKey(text: string, start: number, end: number): string {
  let plain = true;
  for (let j = start + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH || c < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start + 1, end);
  const literal = text.slice(start, end + 1);
  try {
    const key: unknown = JSON.parse(literal);
    return typeof key === 'string' ? key : literal;
  } catch {
    return literal;
  }
}

/**
 * Line and column of offsets asked for in increasing order, in a text with no CR (lines end at LF): lines
 * are counted with indexOf, which skips the text between two offsets without looking at each character in
 * JavaScript, and code points are counted only from the start of the line (or the last offset on it).
 */
class LineFeedCounter {
  private line = 1;
  private lineStart = 0;
  private nextFeed: number;
  /** The last offset placed, and its column (code points before it on its line). */
  private last = 0;
  private lastColumn = 0;

  constructor(private readonly text: string) {
    this.nextFeed = text.indexOf('\n');
  }

  at(offset: number): SourceLocation {
    const text = this.text;
    while (this.nextFeed !== -1 && this.nextFeed < offset) {
      this.line++;
      this.lineStart = this.nextFeed + 1;
      this.nextFeed = text.indexOf('\n', this.lineStart);
    }
    let from = this.lineStart;
    let column = 0;
    if (this.last >= this.lineStart && this.last <= offset) [from, column] = [this.last, this.lastColumn];
    for (let i = from; i < offset; i++) {
      const c = text.charCodeAt(i);
      // (the second half of a surrogate pair is not a code point of its own)
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) column++;
    }
    this.last = offset;
    this.lastColumn = column;
    return { line: this.line, column: column + 1 };
  }
}

/** Line and column of offsets asked for in increasing order (lines end at LF, CRLF or CR): each character is counted once. */
class LineCounter {
  private line = 1;
  /** Code points between the start of the line and `scanned`. */
  private column = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  at(offset: number): SourceLocation {
    const text = this.text;
    for (let i = this.scanned; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        this.line++;
        this.column = 0;
      } else if (c === 0x0d) {
        // the CR of a CRLF: the LF ends the line
      } else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
        // (the second half of a surrogate pair is not a code point of its own)
        this.column++;
      }
    }
    if (offset > this.scanned) this.scanned = offset;
    return { line: this.line, column: this.column + 1 };
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
