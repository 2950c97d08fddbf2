/**
 * Reading one JSON input, pinned by behaviour: what a user is told about a file that cannot be used (empty,
 * malformed, unreadable, over the cap), and that a file read in several pieces comes back whole and exact.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { membersWritten, parseJsonText, readJsonFile, readProblem, readRegularFile } from '../../engine/input/read-json';
import { inputProblem } from '../helpers/input-problem';

const problem = inputProblem;

describe('parseJsonText', () => {
  test('a byte order mark is skipped, as Terraform skips it', () => {
    expect(parseJsonText('\ufeff{"a": 1}', 'f.json')).toEqual({ a: 1 });
  });

  test.each(['', '   \n\t', '\ufeff', '\ufeff  \n'])('%j is empty, not malformed', (text) => {
    expect(problem(() => parseJsonText(text, 'f.json'))).toBe('f.json: is empty (expected Terraform JSON or a plan from `terraform show -json`)');
  });

  // V8's reason, shortened: its position and its quote of the document are left out (line and column say where).
  // The reasons are V8's wording (Node 20); the locations are ours.
  test.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 'at line 3, column 1: Expected double-quoted property name'],
    ['a truncated document', '{"resource": {"aws_instance": {"x"', "at line 1, column 35: Expected ':' after property name"],
    ['an error at a one-digit position', '[1, 2', "at line 1, column 6: Expected ',' or ']' after array element"],
    [
      'a control character in a string (V8 and jsonc-parser disagree on where)',
      '{"a": "x\ty"}',
      'at line 1, column 9: Bad control character in string literal',
    ],
    ['an error on a line break', '"abc\n"', 'at line 1, column 5: Bad control character in string literal'],
    ['text after the document', '{"a": 1} x', 'at line 1, column 10: Unexpected non-whitespace character after JSON at position 9'],
  ])('%s: malformed JSON names the line and column', (_what, text, where) => {
    expect(problem(() => parseJsonText(text, 'f.json'))).toBe(`f.json: malformed JSON ${where}`);
  });

  // V8 gives no position for an unexpected token: jsonc-parser, strict as JSON.parse is, finds it.
  test.each([
    ['a bad token', '{\n  "a": 1,\n  "b": foo\n}', "at line 3, column 8: Unexpected token 'o', ..."],
    ['a doubled comma', '{\n\t"a": [1,, 2]\n}', "at line 2, column 10: Unexpected token ','"],
    ['a bad first character', 'x', "at line 1, column 1: Unexpected token 'x'"],
    ['a comment, which JSON does not allow', '[\n  // note\n  1\n]', "at line 2, column 3: Unexpected token '/'"],
    ['a trailing comma in a list', '[1,\n]', "at line 2, column 1: Unexpected token ']'"],
  ])('%s: located by jsonc-parser', (_what, text, where) => {
    expect(problem(() => parseJsonText(text, 'f.json'))).toBe(`f.json: malformed JSON ${where}`);
  });

  test('a document with a repeated key is refused where the second copy starts', () => {
    expect(problem(() => parseJsonText('{\n  "a": 1,\n  "a": 2\n}', 'f.json'))).toMatch(/^f\.json: repeats the key "a" in one object at line 3, column 3: /);
  });
});

describe('membersWritten', () => {
  test('stops at an unterminated string (text JSON.parse refused) instead of looping', () => {
    expect(membersWritten('{"a": 1, "b": "never closed')).toBe(2);
    expect(membersWritten('{"a": "x\\"')).toBe(1);
  });
});

describe('reading a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-json-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('readJsonFile returns the parsed document, and names the file in errors', () => {
    const file = path.join(dir, 'main.tf.json');
    fs.writeFileSync(file, '{"resource": {}}');
    expect(readJsonFile(file)).toEqual({ resource: {} });
    fs.writeFileSync(file, '{"resource": ');
    expect(problem(() => readJsonFile(file, 'main.tf.json'))).toMatch(/^main\.tf\.json: malformed JSON at line 1, column 14/);
  });

  test('a file over the cap is refused by its size before it is read', () => {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, 'x'.repeat(300));
    expect(problem(() => readRegularFile(file, 'big.json', { maxBytes: 100 }))).toBe(
      'big.json: is larger than the input size cap (at least 300 bytes > 100 bytes)',
    );
  });

  test('a file that reports size 0 (procfs) is read only one byte past the cap, then refused', () => {
    expect(problem(() => readRegularFile('/proc/self/status', 'status', { maxBytes: 100 }))).toBe(
      'status: is larger than the input size cap (101 bytes > 100 bytes)',
    );
  });

  test('a file that comes in several reads is cut one byte past the cap, however the reads fall', () => {
    // /proc/self/maps is over 4 KiB and comes a page per read: the cap falls inside the second read.
    expect(problem(() => readRegularFile('/proc/self/maps', 'maps', { maxBytes: 5000 }))).toBe(
      'maps: is larger than the input size cap (5001 bytes > 5000 bytes)',
    );
  });

  test('a file that comes in several reads (procfs returns a page at a time) is returned whole and exact', async () => {
    // A sleeping child's environment: a procfs file that reports size 0, spans several pages and, unlike this
    // process's own maps, does not change while it is read.
    const child = spawn('sleep', ['30'], { env: { PADDING: 'x'.repeat(3 * 4096) }, stdio: 'ignore' });
    try {
      await new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
      const file = `/proc/${child.pid}/environ`;
      const text = readRegularFile(file, 'environ');
      expect(fs.statSync(file).size).toBe(0);
      expect(text.length).toBeGreaterThan(3 * 4096);
      expect(text).toBe(fs.readFileSync(file, 'utf8'));
    } finally {
      child.kill();
    }
  });

  test('a regular file that fails to read is an input error naming the file, not an internal error', () => {
    // /proc/self/mem is a regular file; reading it at offset 0 fails with EIO.
    expect(problem(() => readRegularFile('/proc/self/mem', 'mem'))).toMatch(/^mem: cannot be read \(.*EIO/);
  });
});

describe('readProblem', () => {
  test.each([
    ['ENOENT', 'does not exist'],
    ['EACCES', 'cannot be read (permission denied)'],
    ['EPERM', 'cannot be read (permission denied)'],
    ['EISDIR', 'is a directory, not a file'],
    ['ELOOP', 'is a symbolic link that loops'],
    ['ENXIO', 'is a socket or a device with nothing behind it, not a regular file'],
    ['ERR_STRING_TOO_LONG', 'is too large to read as one JSON document'],
    ['EMFILE', 'cannot be read (too many open files)'],
  ])('%s: %s', (code, message) => {
    expect(readProblem(Object.assign(new Error(code === 'EMFILE' ? 'too many open files' : 'x'), { code }))).toBe(message);
  });

  test('anything thrown, even undefined, becomes a reason', () => {
    expect(readProblem(undefined)).toBe('cannot be read (undefined)');
    expect(readProblem('odd')).toBe('cannot be read (odd)');
  });
});
