/**
 * Text from the input (stack and resource names, addresses, construct paths, file names, messages that
 * quote values) printed where a terminal or a CI log reads it. Such text may hold anything: a newline that
 * starts a line of its own, an ESC sequence that rewrites the terminal, a GitHub workflow command. Two
 * kinds of line are commands on a GitHub runner (actions/runner `ActionCommand.cs`): one that starts with
 * `::` after leading whitespace, and the legacy form, `##[command]` anywhere in a line.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, bidi overrides and isolates, BOM; and `##[`. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|##\[/g;

const UNSAFE_ANYWHERE = new RegExp(UNSAFE.source);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every control character escaped (`\n`, `\x1b`, `\u2028`) and the legacy workflow command
 * opener `##[` broken up (`#\x23[`): one line, nothing a terminal or a runner acts on.
 */
export function printable(text: string): string {
  const value = String(text);
  // Nearly every name and message is already safe: a test without a replacer costs about half as much.
  if (!UNSAFE_ANYWHERE.test(value)) return value;
  return value.replace(UNSAFE, (c) => {
    if (c === '##[') return '#\\x23[';
    const named = Object.prototype.hasOwnProperty.call(NAMED, c) ? NAMED[c] : undefined;
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Leading characters the runner's `TrimStart` removes before it looks for `::`. */
const COMMAND_START = /^([\s\u0085\u180e]*)::/;

/** A line of plain-text output that would start a workflow command gets its first `:` escaped (`\x3a:`). */
export function notACommand(line: string): string {
  return line.replace(COMMAND_START, '$1\\x3a:');
}

/** Every line of a plain-text output made safe with `notACommand`. */
export function noCommandLines(text: string): string {
  return text.split('\n').map(notACommand).join('\n');
}

/**
 * Serialized JSON made safe to print: JSON.stringify escapes C0 controls only, so DEL, C1 controls (U+009B
 * is a CSI to some terminals), line separators and bidi controls are written as `\uXXXX` too, and `##[`
 * as `#\u0023[`. These only ever occur inside strings, so every JSON reader gets the same values back.
 * (Its lines start with whitespace and a quote or a bracket, never `::`.)
 */
export function jsonWithoutCommands(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|##\[/g, (c) =>
    c === '##[' ? '#\\u0023[' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
