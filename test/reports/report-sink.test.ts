/**
 * Reports written a piece at a time (engine/reports/report-sink): the text is the same, character for
 * character, as the one JSON.stringify would make of the whole, whatever the data; batches keep their order.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { jsonWithoutCommands } from '../../engine/printable';
import { batchingSink, mapped, streamedArray, writeAll, writeJson, writeReportFile } from '../../engine/reports/report-sink';
import { collect } from '../helpers/report';

/** JSON values with the strings that matter here: newlines, quotes, controls, `##[`, non-Latin-1, and look-alike placeholders. */
const text = fc.oneof(fc.string(), fc.constantFrom('a\nb', '"', '\\', '\u0000', '##[x', '≥ 7', '\u2028', '\u0000results\u0000', ''));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
})).value;

test('writeJson writes what JSON.stringify(…, null, 2) writes, with each array in its placeholder’s place', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), json, { maxKeys: 3 }),
      fc.array(json, { maxLength: 5 }),
      fc.array(json, { maxLength: 5 }),
      fc.boolean(),
      fc.boolean(),
      (head, first, second, nested, reversed) => {
        const [a, b] = [streamedArray('a'), streamedArray('b')];
        // The arrays stand at the top level, or deeper (inside an object inside an array), before or after other keys.
        const shape = (x: unknown, y: unknown) => (nested ? { ...head, runs: [{ x, tool: { y } }], tail: head } : { x, ...head, y });
        const expected = `${jsonWithoutCommands(JSON.stringify(shape(first, second), null, 2))}\n`;
        // The arrays are found in the order they stand in the document, whatever the order they are given in.
        const streamed = new Map(reversed ? [[b, second], [a, first]] : [[a, first], [b, second]]);
        const written = collect((sink) => writeJson(shape(a, b), streamed, sink, jsonWithoutCommands));
        expect(written).toBe(expected);
      },
    ),
    { numRuns: 300 },
  );
});

test('an element JSON cannot represent is written as null, as JSON.stringify writes it in an array', () => {
  const items = streamedArray('items');
  const written = collect((sink) => writeJson({ items }, new Map([[items, [undefined, () => 1, 1]]]), sink));
  expect(written).toBe(`${JSON.stringify({ items: [null, null, 1] }, null, 2)}\n`);
});

test('an array is written an element at a time, as it is read (mapped lazily)', () => {
  const items = streamedArray('items');
  const seen: number[] = [];
  const pieces: string[] = [];
  const lazily = mapped([1, 2, 3], (n) => {
    seen.push(n);
    return { n };
  });
  writeJson({ items }, new Map([[items, lazily]]), { write: (t) => pieces.push(`${seen.length}:${t}`) });
  // Each element's text is written right after the element is made, before the next is made.
  expect(pieces.slice(1, 4)).toEqual(['1:[\n    {\n      "n": 1\n    }', '2:,\n    {\n      "n": 2\n    }', '3:,\n    {\n      "n": 3\n    }']);
});

test('a placeholder is random: a string of the input that looks like one is data, not an array', () => {
  expect(streamedArray('results')).not.toBe(streamedArray('results'));
  const results = streamedArray('results');
  const written = collect((sink) => writeJson({ quoted: '\u0000results\u0000', results }, new Map([[results, [1]]]), sink));
  expect(JSON.parse(written)).toEqual({ quoted: '\u0000results\u0000', results: [1] });
});

test('batches: passed on in order, none over ~4 MB plus one piece, the rest on flush', () => {
  const batches: string[] = [];
  const sink = batchingSink((b) => batches.push(b));
  const piece = 'x'.repeat(1024 * 1024 - 1) + '\n';
  for (let i = 0; i < 10; i++) sink.write(piece);
  expect(batches.map((b) => b.length)).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024]);
  sink.flush();
  expect(batches.join('')).toBe(piece.repeat(10));
  sink.flush();
  expect(batches).toHaveLength(3);
});

test('a report file is created or truncated, and holds what was written', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sink-')), 'report.json');
  fs.writeFileSync(file, 'an older, longer report that must not survive');
  writeReportFile(file, (sink) => {
    sink.write('{');
    sink.write('}\n');
  });
  expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
});

test('the report file is closed once written, also when making the report fails', () => {
  if (!fs.existsSync('/proc/self/fd')) return; // (Linux shows a process's open files there)
  const open = () => fs.readdirSync('/proc/self/fd').length;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sink-')), 'report.json');
  const before = open();
  writeReportFile(file, (sink) => sink.write('{}\n'));
  expect(open()).toBe(before);
  expect(() =>
    writeReportFile(file, () => {
      throw new Error('a reporter bug');
    }),
  ).toThrow('a reporter bug');
  expect(open()).toBe(before);
});

test('a report is renamed into place once whole: a run that fails half-way leaves the last whole report, and no part', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sink-'));
  const file = path.join(dir, 'report.sarif');
  writeReportFile(file, (sink) => sink.write('the last whole report'));
  expect(() =>
    writeReportFile(file, (sink) => {
      sink.write('half of the next one');
      (sink as { flush?: () => void }).flush?.();
      throw new Error('out of something');
    }),
  ).toThrow('out of something');
  expect(fs.readdirSync(dir)).toEqual(['report.sarif']);
  expect(fs.readFileSync(file, 'utf8')).toBe('the last whole report');
});

test('a report that cannot be renamed into place (a directory has its name): an error, and no part left', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sink-'));
  fs.mkdirSync(path.join(dir, 'report.json', 'inside'), { recursive: true });
  expect(() => writeReportFile(path.join(dir, 'report.json'), (sink) => sink.write('{}'))).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
  expect(fs.readdirSync(dir)).toEqual(['report.json']);
});

test('a link is followed: the file it names gets the report, and the link stays a link', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sink-'));
  fs.mkdirSync(path.join(dir, 'shared'));
  fs.writeFileSync(path.join(dir, 'shared', 'report.sarif'), 'old');
  fs.symlinkSync(path.join('shared', 'report.sarif'), path.join(dir, 'report.sarif'));
  writeReportFile(path.join(dir, 'report.sarif'), (sink) => sink.write('new'));
  expect(fs.lstatSync(path.join(dir, 'report.sarif')).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'shared', 'report.sarif'), 'utf8')).toBe('new');
  expect([fs.readdirSync(dir).sort(), fs.readdirSync(path.join(dir, 'shared'))]).toEqual([['report.sarif', 'shared'], ['report.sarif']]);
});

test('what is not a regular file (a device, a pipe: `--output /dev/stdout`) is written straight through, never replaced', () => {
  if (!fs.existsSync('/dev/null')) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sink-'));
  // A link in a scratch directory, so that a bug replaces the link, not the device.
  const link = path.join(dir, 'stdout');
  fs.symlinkSync('/dev/null', link);
  writeReportFile(link, (sink) => sink.write('a report nobody keeps'));
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  expect([fs.readdirSync(dir), fs.existsSync('/dev/null.partial')]).toEqual([['stdout'], false]);
});

test('writeAll writes every byte, also of a text longer than a pipe takes at once', async () => {
  const { spawn } = await import('child_process');
  const reader = spawn(process.execPath, ['-e', "let n = 0; process.stdin.on('data', (c) => (n += c.length)).on('end', () => console.log(n))"], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const fd = (reader.stdin as unknown as { _handle: { fd: number } })._handle.fd;
  const text = 'é'.repeat(600_000); // 1.2 MB of UTF-8, far over a pipe's 64 KiB
  let out = '';
  reader.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const closed = new Promise((resolve) => reader.on('close', resolve));
  try {
    // (the pipe is non-blocking: writes fill it faster than the reader empties it, and must wait)
    writeAll(fd, text);
  } finally {
    reader.stdin.end();
    await closed;
  }
  expect(Number(out.trim())).toBe(Buffer.byteLength(text));
});
