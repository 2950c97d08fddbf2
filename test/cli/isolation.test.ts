/** Which checks run in a worker (cli/isolation.ts): the input's size against the heap node allows itself. */
import * as fs from 'fs';
import * as path from 'path';
import { HEAP_PER_INPUT_BYTE, inputBytes, runsIsolated } from '../../cli/isolation';
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
