/**
 * V8 tuning for a process that lives a second or two. V8 hands every function that has run "enough" to its
 * optimizing compiler, on background threads; a check of 50,000 resources made it compile some 240 functions
 * (every rule's check, the readers, the report) at a cost of about 0.45 s of CPU, a quarter of the whole
 * run, for code that had finished before most of it paid back. With eight times the default budget the hot
 * loops (the scan, the engine, the busiest rules) are still optimized and the rest stays in the baseline
 * tiers: the same check of 50,000 resources took about 25 % less CPU, 10,000 about 20 % less, and 200,000
 * (where compiling is a small share) no more, on Node 20; about 14 % less on Node 22; on Node 24, whose
 * Maglev tier compiles cheaply before TurboFan, no measurable difference either way. Measured with
 * `npm run bench` (bench/cli.js) and paired runs; docs/performance.md has the figures.
 *
 * Only the executable sets it: the library runs inside the caller's process (cdktf synth), whose engine is
 * not ours to tune. Imported first by main.ts, before the modules it tunes are compiled.
 */
import { setFlagsFromString } from 'v8';

/**
 * Eight times V8's default, in the flag the running V8 knows: V8 11 (Node 20) counts bytecode executed
 * (`--interrupt-budget`, 66 KiB by default); V8 12 and later (Node 22, 24) count calls
 * (`--invocation-count-for-turbofan`, 3,000). A flag V8 does not know is an error printed on stderr.
 */
export function tieringFlag(v8Version: string): string {
  const major = Number(v8Version.split('.')[0]);
  return major >= 12 ? `--invocation-count-for-turbofan=${8 * 3000}` : `--interrupt-budget=${8 * 66 * 1024}`;
}

setFlagsFromString(tieringFlag(process.versions.v8));
