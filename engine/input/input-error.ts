import { printable } from '../printable';

/**
 * A problem with what the user asked us to read (a path, a file's content), as opposed to a bug. Its
 * message is one line that names the file or option and says what is wrong, so the CLI can print it as is:
 * whatever the file name or the content held, control characters are escaped (see `printable`).
 */
export class GuardrailInputError extends Error {
  constructor(
    /** The file, directory or option the problem is about. */
    readonly subject: string,
    readonly problem: string,
  ) {
    super(`${printable(subject)}: ${printable(problem)}`);
    this.name = 'GuardrailInputError';
  }
}

/** A message of several lines (commander's) on one line, with control characters escaped. */
export function oneLine(text: string): string {
  return printable(text.replace(/[\r\n]+/g, ' '));
}
