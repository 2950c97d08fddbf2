import { isatty } from 'tty';
import { GuardrailInputError } from '../engine/input/input-error';
import { writeAll } from '../engine/reports/report-sink';
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
    stdout: closedPipeIsTheEnd(process.stdout),
    stderr: closedPipeIsTheEnd(process.stderr),
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

/**
 * A reader that stops early (`check … | head`) closes the pipe: what is left of the report has nowhere to go,
 * which is the reader's choice, not a failure of the check (whose exit code still says what it found). Without
 * a listener, the stream's EPIPE error ended the process with a stack trace.
 */
function closedPipeIsTheEnd<T extends NodeJS.WriteStream>(stream: T): T {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return stream;
}

/**
 * processIo for a worker thread (see isolation.ts): a worker's process.stdout hands each write to the main
 * thread and returns, so a report written without a pause would pile up in memory; these write to the
 * process's descriptors directly, and wait when a pipe is full.
 */
export function workerIo(): CliIo {
  return { ...processIo(), stdout: descriptorStream(1), stderr: descriptorStream(2) };
}

function descriptorStream(fd: number): OutputStream {
  let closed = false;
  return {
    isTTY: isatty(fd),
    write(text: string): boolean {
      if (closed) return true;
      try {
        writeAll(fd, text);
      } catch (error) {
        // The reader has gone (see closedPipeIsTheEnd): the rest is dropped.
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        closed = true;
      }
      return true;
    },
  };
}

/** https://no-color.org: set and not empty turns colour off. */
export function wantsColor(stream: OutputStream, env: CliIo['env']): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
