/**
 * How every benchmark here measures: each sample is a fresh `node` process, preloaded with bench/probe.js,
 * which reports the process's own CPU time (user + system) and peak RSS when it exits. The two sides of a
 * comparison (the CLI and a JSON.parse floor, a guarded and a bare synth) run as pairs, interleaved and
 * alternating which side goes first, so a machine that slows down or speeds up during a run moves both
 * sides alike. Figures are medians with their min–max spread; ratios are taken pair by pair.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PROBE = path.join(__dirname, 'probe.js');
const ROOT = path.resolve(__dirname, '..');

/** Command-line and environment settings shared by the benchmarks. */
function settings(argv = process.argv.slice(2)) {
  const value = (name) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : undefined;
  };
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const sizes = (name, full, fast) => {
    const given = value(name) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
    if (given !== undefined) return given === '' || given === 'none' ? [] : given.split(',').map((s) => Number(s.replace(/k$/i, '000')));
    return quick ? fast : full;
  };
  return {
    quick,
    pairs: Number(value('pairs') ?? process.env.BENCH_PAIRS ?? (quick ? 3 : 5)),
    sizes,
    value,
  };
}

/**
 * Run `node -r probe.js ...args` once. Returns CPU seconds (user + system), peak RSS in MB, wall seconds,
 * the exit code and what the process left in `globalThis.benchExtra`.
 */
function measure(args, options = {}) {
  const usageFile = path.join(os.tmpdir(), `bench-usage-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(options.nodeOptions ?? []), '-r', PROBE, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  let usage;
  try {
    usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
  } catch {
    throw new Error(`measured process left no usage record (exit ${r.status}, signal ${r.signal}): ${String(r.stderr).slice(0, 2000)}`);
  } finally {
    fs.rmSync(usageFile, { force: true });
  }
  if (options.expect && !options.expect.includes(r.status)) {
    throw new Error(`measured process exited ${r.status}, expected ${options.expect.join(' or ')}: ${String(r.stderr).slice(0, 2000)}`);
  }
  return {
    cpu: (usage.user + usage.system) / 1e6,
    user: usage.user / 1e6,
    rss: usage.maxRssKb / 1024,
    wall,
    code: r.status,
    stderr: String(r.stderr),
    extra: usage.extra,
  };
}

/**
 * `count` pairs of measurements, interleaved: A B, B A, A B, … Each side's samples, and the ratio A/B of
 * each pair's CPU time. With `keep(pair, all)`, pairs it rejects are set aside (and counted) and more are
 * run, up to `maxPairs` in all, until `count` are kept.
 *
 * @param {number} count
 * @param {() => any} runA
 * @param {() => any} runB
 * @param {(i: number, x: any, y: any) => void} [onPair]
 * @param {{ keep?: (pair: { x: any, y: any }, all: { x: any, y: any }[]) => boolean, maxPairs?: number }} [options]
 */
function pairs(count, runA, runB, onPair, { keep, maxPairs = count } = {}) {
  /** @type {{ x: any, y: any }[]} */
  const all = [];
  const kept = () => (keep ? all.filter((pair) => keep(pair, all)) : all);
  // More pairs (up to maxPairs) only while fewer than `count` are kept.
  for (let i = 0; i < maxPairs && (i < count || kept().length < count); i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = runA();
      y = runB();
    } else {
      y = runB();
      x = runA();
    }
    all.push({ x, y });
    if (onPair) onPair(i, x, y);
  }
  const chosen = kept();
  return { a: chosen.map((p) => p.x), b: chosen.map((p) => p.y), ratios: chosen.map((p) => p.x.cpu / p.y.cpu), setAside: all.length - chosen.length };
}

/** Median, min and max. */
function stats(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** "1.23 (1.20–1.31)": the median and the spread. */
function spread(values, digits = 2) {
  const s = stats(values);
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** A table: header row, then rows, each column padded to its widest cell. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return `node ${process.version}, ${cpus.length} CPU(s) (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`;
}

function requireBuild() {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  if (!fs.existsSync(main)) {
    console.error('bench: dist/ is missing: run `npm run build` first (or `npm run bench`, which builds)');
    process.exit(2);
  }
  return main;
}

module.exports = { ROOT, measure, pairs, stats, spread, table, settings, machine, requireBuild };
