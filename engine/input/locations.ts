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
  const locations = new Map<string, SourceLocation>();
  // One entry per open container: true for an object, false for an array.
  const containers: boolean[] = [];
  // The key being read in each enclosing object, outermost first (only the first three matter).
  const keys: string[] = [];
  let objects = 0;
  let expectKey = false;
  const lines = new LineCounter(text);

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break; // unterminated: nothing more can be placed
      if (expectKey && containers[containers.length - 1] === true) {
        expectKey = false;
        if (objects <= 3) {
          const key = decodeKey(text.slice(i, end + 1));
          keys[objects - 1] = key;
          keys.length = objects;
          const depth = NAME_DEPTH.get(keys[0]);
          if (key !== undefined && depth === objects) {
            const address = addressOf(keys);
            if (address !== undefined && !locations.has(address)) locations.set(address, lines.at(i));
          }
        }
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      containers.push(true);
      objects++;
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      containers.push(false);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (containers.pop() === true) objects--;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = containers[containers.length - 1] === true;
    }
  }
  return locations;
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

function decodeKey(literal: string): string {
  try {
    const key: unknown = JSON.parse(literal);
    return typeof key === 'string' ? key : literal;
  } catch {
    return literal;
  }
}

/** Line and column of offsets asked for in increasing order: each character is counted once. */
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
