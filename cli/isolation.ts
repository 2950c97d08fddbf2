/**
 * A check of a large input runs in a worker thread with the same heap limit, so that running out of memory
 * ends as exit 2 with a sentence saying so, not as V8's fatal error with a native stack trace (which is what a
 * 250 MB input did on a machine whose node allowed itself 1.75 GB, before reports were streamed, and what a
 * large enough input still does on a smaller one). Small inputs, the everyday case, are checked in the
 * process itself: a worker costs some 40 ms of CPU to start.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getHeapStatistics } from 'v8';
import { Worker } from 'worker_threads';
import { partialReportPath } from '../engine/reports/report-sink';
import { TOOL_NAME } from '../engine/version';
import type { CliIo } from './io';
import { EXIT_USAGE } from './usage-error';

/**
 * Heap a check needs per byte of input, at the most measured: the SARIF report of a cdktf output with 0.87
 * findings per resource completed in 5.8× its input (a plan needs ~2×). See docs/performance.md.
 */
export const HEAP_PER_INPUT_BYTE = 6;

const MIB = 1024 * 1024;

/**
 * Whether `check` with these arguments runs in a worker: when its input may need more than a quarter of the
 * heap node allows itself.
 */
export function runsIsolated(argv: readonly string[], cwd: string, heapLimit: number = getHeapStatistics().heap_size_limit): boolean {
  // stdin (`-`) is read by the main thread alone: a worker's is empty.
  if (argv[0] !== 'check' || argv.includes('-')) return false;
  const budget = heapLimit / 4 / HEAP_PER_INPUT_BYTE;
  return inputBytes(argv.slice(1), cwd, budget) > budget;
}

/**
 * Bytes of the JSON files the arguments may name: a file's size, or the `*.json` files up to three levels
 * under a directory (links not followed); `cdktf.out` when no argument is a path (check's default). Arguments that are not
 * paths (option values, `-` for stdin) count nothing; one that is a path but not an input (an old report
 * named by `--output`) only makes isolation likelier, which changes no result. Stops once past `enough`.
 */
export function inputBytes(args: readonly string[], cwd: string, enough: number): number {
  let total = 0;
  let anyPath = false;
  // A cdktf output's stacks are three levels down (stacks/<name>/cdk.tf.json); `check .` in a project's root
  // must not walk its node_modules: at most this many entries are looked at (what is left uncounted only
  // makes isolation less likely, as before it existed).
  let entries = 5000;
  const add = (file: string, depth: number): void => {
    if (total > enough || entries-- <= 0) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return;
    }
    if (depth === 0) anyPath = true;
    if (stat.isFile() && (depth === 0 || file.endsWith('.json'))) total += stat.size;
    else if (stat.isDirectory() && depth < 3) {
      let names: string[];
      try {
        names = fs.readdirSync(file);
      } catch {
        return;
      }
      for (const name of names) add(path.join(file, name), depth + 1);
    }
  };
  for (const arg of args) if (!arg.startsWith('-')) add(path.resolve(cwd, arg), 0);
  if (!anyPath) add(path.join(cwd, 'cdktf.out'), 0);
  return total;
}

/**
 * Run `script` (the executable) in a worker with `argv` and the same heap limit (`limitMb`: this process's);
 * its exit code, or exit 2 and a message when it ran out of memory. A report it was writing is removed (see writeReportFile's `.partial`).
 */
export function runIsolated(
  script: string,
  argv: readonly string[],
  io: CliIo,
  limitMb: number = Math.floor(getHeapStatistics().heap_size_limit / MIB),
): Promise<number> {
  return new Promise((resolve) => {
    let failed: number | undefined;
    const worker = new Worker(script, { argv: [...argv], resourceLimits: { maxOldGenerationSizeMb: limitMb } });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const mib = Math.round(inputBytes(argv.slice(1), io.cwd, Infinity) / MIB);
        io.stderr.write(
          `${TOOL_NAME}: out of memory: checking about ${mib} MiB of input needed more than the ${limitMb} MiB of heap node allows itself; ` +
            `give it more with NODE_OPTIONS=--max-old-space-size=<MiB> (up to ${HEAP_PER_INPUT_BYTE}× the input), or check fewer stacks at a time\n`,
        );
        removePartialReport(argv, io.cwd);
      } else io.stderr.write(`${TOOL_NAME}: internal error: ${error.message}\n`);
      failed = EXIT_USAGE;
    });
    worker.on('exit', (code) => resolve(failed ?? code));
  });
}

/** The unfinished report a worker that ran out of memory leaves beside `--output` (see writeReportFile). */
function removePartialReport(argv: readonly string[], cwd: string): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // `--output FILE`, `--output=FILE`, `-o FILE`, `-oFILE`, as commander reads them.
    const output =
      arg === '--output' || arg === '-o'
        ? argv[i + 1]
        : arg.startsWith('--output=')
          ? arg.slice(9)
          : arg.startsWith('-o') && !arg.startsWith('--')
            ? arg.slice(2)
            : undefined;
    if (output) fs.rmSync(partialReportPath(path.resolve(cwd, output)), { force: true });
  }
}
