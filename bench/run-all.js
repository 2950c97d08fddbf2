#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table. Figures, not
 * verdicts. Arguments are passed on to each benchmark:
 *
 *   npm run bench                 the full run (about 15 minutes on 2 cores)
 *   npm run bench -- --quick      the smallest size of each, 3 pairs (a minute or two)
 *   npm run bench -- --only cli   one benchmark (import, synth, cli or cli-stages)
 *   npm run bench -- --pairs 7 --config-sizes 50000 --plan-sizes none --synth-sizes 20000
 *
 * The same settings can come from the environment: BENCH_QUICK=1, BENCH_PAIRS, BENCH_CONFIG_SIZES,
 * BENCH_PLAN_SIZES, BENCH_SYNTH_SIZES, BENCH_FORMAT. Pass --with-tests to also time the jest suite.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const passed = args.filter((a, i) => a !== '--only' && args[i - 1] !== '--only' && a !== '--with-tests');
const benches = ['import', 'synth', 'cli', 'cli-stages'].filter((b) => only === undefined || only === b);
if (benches.length === 0) {
  console.error(`bench: --only takes import, synth, cli or cli-stages, not ${only}`);
  process.exit(2);
}
const started = process.hrtime.bigint();
for (const bench of benches) {
  console.log(`\n=== bench/${bench}.js`);
  const r = spawnSync(process.execPath, [path.join(__dirname, `${bench}.js`), ...passed], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
if (args.includes('--with-tests')) {
  console.log('\n=== test suite (npx jest, wall time)');
  const t = process.hrtime.bigint();
  const r = spawnSync('npx', ['jest', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`jest exit ${r.status}, wall ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`);
}
console.log(`\nbench: ${(Number(process.hrtime.bigint() - started) / 60e9).toFixed(1)} min`);
