/**
 * The built executable (`dist/cli/main.js`, the package's `bin`), as CI runs it: a real process, real
 * exit codes, stdin, no stack traces. Rebuilt first when the sources are newer than the build.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runsIsolated } from '../../cli/isolation';
import { tieringFlag } from '../../cli/tiering';
import { MAIN, ensureBuilt } from '../helpers/built';
import { ENCRYPTION, cdktfOut, cdktfStack, only, tempDir, writeFiles } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

beforeAll(() => ensureBuilt(true), 120000);

const run = (args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) => {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('it is a node executable', () => {
  expect(fs.readFileSync(MAIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('the executable tunes V8 with a flag this V8 knows (V8 11 and V8 12+ spell it differently)', () => {
  expect(tieringFlag('11.3.244.8-node.19')).toBe('--interrupt-budget=540672');
  expect(tieringFlag('12.4.254.21-node.33')).toBe('--invocation-count-for-turbofan=24000');
  expect(tieringFlag('13.6.233.10-node.28')).toBe('--invocation-count-for-turbofan=24000');
  // A flag V8 does not know makes node refuse to start when given on the command line.
  const r = spawnSync(process.execPath, [tieringFlag(process.versions.v8), '-e', '0'], { encoding: 'utf8' });
  expect([r.status, r.stderr]).toEqual([0, '']);
});

test('--version', () => {
  const r = run(['--version']);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});

test('exit 0, 1 and 2 from a real process; the default PATH is ./cdktf.out', () => {
  const dir = tempDir();
  cdktfOut(path.join(dir, 'cdktf.out'), { app: cdktfStack('app', { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: true } } }) });
  writeFiles(dir, { 'bad.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a' } } } } });
  const clean = run(['check', ...only(ENCRYPTION)], { cwd: dir });
  expect([clean.code, clean.stderr]).toEqual([0, '']);
  expect(clean.stdout).toContain('No findings.');
  const bad = run(['check', 'bad.tf.json', ...only(ENCRYPTION)], { cwd: dir });
  expect(bad.code).toBe(1);
  const missing = run(['check', 'missing.json'], { cwd: dir });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toBe('cdktf-guardrails: missing.json: does not exist\n');
});

test('--output /dev/stdout when stdout is a pipe: the report arrives there, and nothing is written into /dev', () => {
  if (!fs.existsSync('/dev/stdout')) return;
  const dir = tempDir();
  writeFiles(dir, { 'main.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a' } } } } });
  // Through a shell's pipe (node's own child stdio is a socket, which /dev/stdout cannot be opened on).
  const command = [process.execPath, MAIN, 'check', '.', '--format', 'json', '--output', '/dev/stdout', ...only(ENCRYPTION)].map((a) => `'${a}'`).join(' ');
  const shell = spawnSync('sh', ['-c', `${command} | cat`], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const r = { stdout: shell.stdout, stderr: shell.stderr };
  expect(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1)).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2));
  expect(JSON.parse(r.stdout).summary.errors).toBe(1);
  expect(r.stderr).toContain('report: /dev/stdout');
  expect(fs.existsSync('/dev/stdout.partial')).toBe(false);
});

test('a plan on stdin', () => {
  const plan = {
    format_version: '1.2',
    resource_changes: [
      {
        address: 'aws_ebs_volume.v',
        mode: 'managed',
        type: 'aws_ebs_volume',
        name: 'v',
        change: { actions: ['create'], after: { encrypted: false }, after_unknown: {} },
      },
    ],
  };
  const r = run(['check', '-', '--format', 'github', ...only(ENCRYPTION)], { input: JSON.stringify(plan) });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^::error title=\[volume-encryption-required\] stdin aws_ebs_volume\.v::the volume is not encrypted \(encrypted is false\)/);
});

test('malformed input from a real process: one line, no stack trace', () => {
  const r = run(['check', '-'], { input: '{"resource": {' });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("cdktf-guardrails: stdin: malformed JSON at line 1, column 15: Expected property name or '}'\n");
});

describe('inputs large for the heap node allows itself (cli/isolation.ts)', () => {
  /** A cdktf output of 10,000 resources (4 MB, 8,663 findings), as the benchmark writes it. */
  let big: string;
  beforeAll(() => {
    big = tempDir();
    (require('../../bench/generate') as { writeInputs(dir: string, n: number, options: object): unknown }).writeInputs(big, 10000, {});
  });
  const heapLimitWith = (mib: number): number =>
    Number(execFileSync(process.execPath, [`--max-old-space-size=${mib}`, '-p', "require('v8').getHeapStatistics().heap_size_limit"], { encoding: 'utf8' }));
  const withHeap = (mib: number, args: string[], cwd?: string) => {
    // (the input is "large" for that heap: checked in a worker)
    expect(runsIsolated(args, cwd ?? process.cwd(), heapLimitWith(mib))).toBe(true);
    const r = spawnSync(process.execPath, [`--max-old-space-size=${mib}`, MAIN, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  };

  test('out of memory is exit 2 and a sentence saying how to give node more, not V8’s fatal error; no report is left', () => {
    const r = withHeap(16, ['check', big, '--format', 'sarif', '--output', 'out/report.sarif'], big);
    expect([r.code, r.signal, r.stdout]).toEqual([2, null, '']);
    expect(r.stderr).toMatch(
      /^cdktf-guardrails: out of memory: checking about 4 MiB of input needed more than the \d+ MiB of heap node allows itself; give it more with NODE_OPTIONS=--max-old-space-size=<MiB> \(up to 6× the input\), or check fewer stacks at a time\n$/,
    );
    expect(fs.existsSync(path.join(big, 'out', 'report.sarif'))).toBe(false);
    expect(fs.existsSync(path.join(big, 'out', 'report.sarif.partial'))).toBe(false);
  });

  test('checked in a worker when it fits: the same report, summary and exit code as in the process itself', () => {
    const isolated = withHeap(40, ['check', big, '--format', 'sarif']);
    const inProcess = run(['check', big, '--format', 'sarif']);
    expect(isolated.code).toBe(1);
    expect([isolated.code, isolated.stderr]).toEqual([inProcess.code, inProcess.stderr]);
    expect(isolated.stdout).toBe(inProcess.stdout);
    expect(JSON.parse(isolated.stdout).runs[0].results).toHaveLength(8663);
  });

  test('a reader that stops early (`| head`): the rest is dropped quietly, and the exit code still says what was found', async () => {
    expect(runsIsolated(['check', big], process.cwd())).toBe(false);
    expect(runsIsolated(['check', big], process.cwd(), heapLimitWith(32))).toBe(true);
    // Both ways out: from the process itself, and from a worker (for which this input is large in a 32 MB heap).
    for (const nodeArgs of [[], ['--max-old-space-size=32']]) {
      const child = spawn(process.execPath, [...nodeArgs, MAIN, 'check', big], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect([nodeArgs, code, stderr]).toEqual([nodeArgs, 1, '']);
    }
  });
});
