/**
 * Where a report goes, a piece at a time. A report of a few hundred thousand findings is hundreds of MB of
 * text: made as one string (twice that in memory when a message holds a character outside Latin-1, and
 * copied again to be written), it ran node out of heap on machines that had read and checked the input
 * without trouble. Reporters write to a sink instead; the sink hands the pieces on in batches of a few MB.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';

export interface ReportSink {
  write(text: string): void;
}

/** Text gathered into batches of about this many characters before it is passed on. */
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * A sink that passes the text on to `out` in batches of at most ~4 MB, in order; `flush()` passes on the
 * rest and must be called at the end.
 */
export function batchingSink(out: (batch: string) => void): ReportSink & { flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (parts.length === 0) return;
    const batch = parts.join('');
    parts = [];
    size = 0;
    out(batch);
  };
  return {
    write(text: string): void {
      parts.push(text);
      size += text.length;
      if (size >= BATCH_CHARS) flush();
    },
    flush,
  };
}

/**
 * Write a report to `file` as it is made: into `<file>.partial`, renamed to `file` once whole, so a run that
 * dies half-way (out of memory) never leaves a truncated report under the name a CI step uploads. A link is
 * followed (the file it names is replaced, the link stays); what is not a regular file (`/dev/stdout`, a
 * FIFO) cannot be replaced by renaming and is written straight through, as before.
 */
export function writeReportFile(file: string, render: (sink: ReportSink) => void): void {
  const target = existingTarget(file);
  if (target?.regular === false) {
    const fd = fs.openSync(target.path, 'w');
    try {
      writeAndFlush(fd, render);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const destination = target?.path ?? file;
  const partial = partialOf(destination);
  const fd = fs.openSync(partial, 'w');
  try {
    writeAndFlush(fd, render);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(partial, destination);
  } catch (error) {
    // (`file` is a directory, say): the whole report is not left behind under another name either.
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Where writeReportFile puts the report for `file` until it is whole (beside the file a link names). */
export function partialReportPath(file: string): string {
  return partialOf(existingTarget(file)?.path ?? file);
}

const partialOf = (file: string): string => `${file}.partial`;

/**
 * What `file` is, links followed, when it exists: a regular file by its real path; anything else by the name
 * given (`/dev/stdout` resolves to no path at all when it is a pipe).
 */
function existingTarget(file: string): { path: string; regular: boolean } | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  return stat.isFile() ? { path: fs.realpathSync(file), regular: true } : { path: file, regular: false };
}

function writeAndFlush(fd: number, render: (sink: ReportSink) => void): void {
  const sink = batchingSink((batch) => writeAll(fd, batch));
  render(sink);
  sink.flush();
}

/**
 * All of `text` to `fd`: a pipe may take part of a write, or none for now (EAGAIN, when it is non-blocking
 * and full), so the rest is written, after a millisecond's wait when the pipe is full.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += fs.writeSync(fd, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * A string to stand for a streamed array in the value given to writeJson: random, so that no string of the
 * input (a message quoting a value) can be taken for it.
 */
export function streamedArray(name: string): string {
  return `\u0000${name}:${randomUUID()}\u0000`;
}

/**
 * JSON.stringify(value, null, 2), written a piece at a time: each array named in `streamed` (by the
 * placeholder string that stands for it in `value`) is written one element at a time, so neither the array's
 * text nor the whole document's is ever one string. The output is the same, character for character, as
 * JSON.stringify of `value` with each placeholder replaced by its array's elements. `transform` is applied to
 * each piece; a piece is the text before, between or after the arrays, or one element, so a transform that
 * acts within JSON strings (which no piece boundary splits) acts as it would on the whole.
 */
export function writeJson(
  value: unknown,
  streamed: ReadonlyMap<string, Iterable<unknown>>,
  sink: ReportSink,
  transform: (text: string) => string = (text) => text,
): void {
  let text = JSON.stringify(value, null, 2);
  for (;;) {
    // The next placeholder in the text (its JSON form: a string value standing where its array goes).
    let next: { at: number; literal: string; items: Iterable<unknown> } | undefined;
    for (const [placeholder, items] of streamed) {
      const literal = JSON.stringify(placeholder);
      const at = text.indexOf(literal);
      if (at !== -1 && (next === undefined || at < next.at)) next = { at, literal, items };
    }
    if (next === undefined) break;
    sink.write(transform(text.slice(0, next.at)));
    const lineStart = text.lastIndexOf('\n', next.at) + 1;
    const indent = /^ */.exec(text.slice(lineStart, next.at))![0];
    writeArray(next.items, indent, sink, transform);
    text = text.slice(next.at + next.literal.length);
  }
  sink.write(transform(`${text}\n`));
}

/** The items mapped as they are read, without an array of them all (for an array writeJson streams). */
export function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

/** An array as JSON.stringify(…, null, 2) writes it where its opening bracket follows a line indented by `indent`. */
function writeArray(items: Iterable<unknown>, indent: string, sink: ReportSink, transform: (text: string) => string): void {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    // JSON.stringify writes null for an array element it cannot represent (undefined, a function).
    const element = JSON.stringify(item, null, 2) ?? 'null';
    sink.write(transform(`${first ? '[' : ','}\n${inner}${element.replace(/\n/g, `\n${inner}`)}`));
    first = false;
  }
  sink.write(first ? '[]' : `\n${indent}]`);
}
