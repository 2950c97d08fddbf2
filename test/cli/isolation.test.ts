/** Which checks run in a worker (cli/isolation.ts): the input's size against the heap node allows itself. */
import * as fs from 'fs';
import * as path from 'path';
import { HEAP_PER_INPUT_BYTE, inputBytes, runIsolated, runsIsolated } from '../../cli/isolation';
import { MAIN, ensureBuilt } from '../helpers/built';
import { tempDir } from './harness';

function layout(): string {
  const dir = tempDir();
  const write = (file: string, bytes: number) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'x'.repeat(bytes));
  };
  write('cdktf.out/manifest.json', 100);
  write('cdktf.out/stacks/app/cdk.tf.json', 1000);
  write('cdktf.out/stacks/app/notes.txt', 5000); // not JSON: not an input
  write('plan.json', 300);
  write('named.tf', 7); // named on the command line: counted whatever its name
  return dir;
}

test('files named count whole; under a directory only *.json; option values and - count nothing', () => {
  const dir = layout();
  expect(inputBytes(['plan.json'], dir, Infinity)).toBe(300);
  expect(inputBytes(['named.tf'], dir, Infinity)).toBe(7);
  expect(inputBytes(['cdktf.out'], dir, Infinity)).toBe(1100);
  expect(inputBytes(['--format', 'sarif', 'plan.json', '-', 'cdktf.out'], dir, Infinity)).toBe(1400);
});

test('no argument that is a path: cdktf.out, check’s default', () => {
  const dir = layout();
  expect(inputBytes([], dir, Infinity)).toBe(1100);
  expect(inputBytes(['--format', 'sarif', '-'], dir, Infinity)).toBe(1100);
  expect(inputBytes([], tempDir(), Infinity)).toBe(0);
});

test('links are not followed (a loop is not walked forever); counting stops once past enough', () => {
  const dir = layout();
  fs.symlinkSync(dir, path.join(dir, 'cdktf.out', 'loop'));
  expect(inputBytes(['cdktf.out'], dir, Infinity)).toBe(1100);
  expect(inputBytes(['plan.json', 'cdktf.out'], dir, 200)).toBe(300);
});

test('isolated when the input may need more than a quarter of the heap; only check is', () => {
  const dir = layout(); // 1,100 bytes in cdktf.out
  const heapFor = (bytes: number) => bytes * HEAP_PER_INPUT_BYTE * 4;
  expect(runsIsolated(['check'], dir, heapFor(1100))).toBe(false);
  expect(runsIsolated(['check'], dir, heapFor(1099))).toBe(true);
  expect(runsIsolated(['rules'], dir, 1)).toBe(false);
  // stdin can only be read by the main thread
  expect(runsIsolated(['check', '-', 'cdktf.out'], dir, heapFor(1099))).toBe(false);
  expect(runsIsolated([], dir, 1)).toBe(false);
});

test('a directory is walked three levels down and 5,000 entries at most (`check .` in a project with node_modules)', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a', 'b', 'three.json'), 'xxx');
  fs.writeFileSync(path.join(dir, 'a', 'b', 'c', 'four.json'), 'xxxx');
  expect(inputBytes(['.'], dir, Infinity)).toBe(3);
  const wide = tempDir();
  for (let i = 0; i < 6000; i++) fs.writeFileSync(path.join(wide, `${String(i).padStart(4, '0')}.json`), 'x');
  expect(inputBytes(['.'], wide, Infinity)).toBe(4999);
});

describe('in a worker (the built executable), from this process', () => {
  /** A cdktf output of 10,000 resources (4 MB, 8,663 findings), as the benchmark writes it. */
  let big: string;
  beforeAll(() => {
    ensureBuilt(false);
    big = tempDir();
    (require('../../bench/generate') as { writeInputs(dir: string, n: number, options: object): unknown }).writeInputs(big, 10000, {});
  }, 120000);

  /** runIsolated from this process (the worker runs the built executable), with the heap limit given. */
  const isolatedHere = async (argv: string[], limitMb?: number) => {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      readStdin: async () => '',
      env: {},
      cwd: big,
    };
    const code = await runIsolated(MAIN, argv, io, limitMb);
    return { code, stderr };
  };

  test.each([[['--output', 'out/r.sarif']], [['--output=out/r.sarif']], [['-o', 'out/r.sarif']], [['-oout/r.sarif']]])(
    'a worker out of memory: exit 2, the message, and the report it was writing removed (%j)',
    async (output) => {
      const partial = path.join(big, 'out', 'r.sarif.partial');
      fs.mkdirSync(path.dirname(partial), { recursive: true });
      fs.writeFileSync(partial, 'half a report');
      // Only the report's part goes: not a `.partial` named after another argument (`--format`, `check`).
      for (const other of ['format.partial', 'eck.partial']) fs.writeFileSync(path.join(big, other), 'not ours');
      const r = await isolatedHere(['check', big, '--format', 'sarif', ...output], 16);
      expect(r).toEqual({
        code: 2,
        stderr:
          'cdktf-guardrails: out of memory: checking about 4 MiB of input needed more than the 16 MiB of heap node allows itself; ' +
          'give it more with NODE_OPTIONS=--max-old-space-size=<MiB> (up to 6× the input), or check fewer stacks at a time\n',
      });
      expect(fs.existsSync(partial)).toBe(false);
      expect(['format.partial', 'eck.partial'].map((other) => fs.existsSync(path.join(big, other)))).toEqual([true, true]);
    },
  );

  test('a worker out of memory before any report was begun: the same message, nothing to remove', async () => {
    const r = await isolatedHere(['check', big, '--output', 'out/never.txt'], 16);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdktf-guardrails: out of memory: /);
  });

  test('a worker that fails otherwise: an internal error, exit 2', async () => {
    const script = path.join(tempDir(), 'broken.js');
    fs.writeFileSync(script, "throw new Error('broken at load');");
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, readStdin: async () => '', env: {}, cwd: big };
    expect(await runIsolated(script, ['check', big], io)).toBe(2);
    expect(stderr).toBe('cdktf-guardrails: internal error: broken at load\n');
  });

  test('a worker that finishes: its exit code', async () => {
    // (absolute: the worker resolves paths against the process's directory, which here is not `big`)
    const report = path.join(big, 'out', 'whole.json');
    const r = await isolatedHere(['check', big, '--format', 'json', '--output', report]);
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(report, 'utf8')).summary.errors).toBe(8663);
  });
});
