/**
 * A problem with what the user asked us to read (a path, a file's content), as opposed to a bug. Its
 * message is one line that names the file or option and says what is wrong, so the CLI can print it as is.
 */
export class GuardrailInputError extends Error {
  constructor(
    /** The file, directory or option the problem is about. */
    readonly subject: string,
    readonly problem: string,
  ) {
    super(`${oneLine(subject)}: ${oneLine(problem)}`);
    this.name = 'GuardrailInputError';
  }
}

/** File names and messages can hold newlines; an error stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
