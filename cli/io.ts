import { GuardrailInputError } from '../engine/input/input-error';
import { tooLarge } from '../engine/input/read-json';

/** What the CLI touches of the outside world, so tests can run it in-process with fake streams. */
export interface OutputStream {
  write(text: string): unknown;
  /** Colour is used only on a terminal. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * All of stdin, read once (for the path `-`). Reading stops once more than `maxBytes` have come, so an
   * endless stream is refused instead of filling memory.
   */
  readStdin(maxBytes?: number): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Paths are resolved against, and reported relative to, this directory. */
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async (maxBytes?: number) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        chunks.push(buffer);
        size += buffer.length;
        if (maxBytes !== undefined && size > maxBytes) {
          process.stdin.destroy();
          throw new GuardrailInputError('stdin', tooLarge(size, maxBytes, '--max-input-mb'));
        }
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** https://no-color.org: set and not empty turns colour off. */
export function wantsColor(stream: OutputStream, env: CliIo['env']): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
