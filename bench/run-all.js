#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table. Figures, not
 * verdicts. Pass --with-tests to also time the whole jest suite (it takes about a minute on 2 cores).
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const benches = ['import.js', 'synth.js', 'cli.js'];
for (const bench of benches) {
  console.log(`\n=== bench/${bench}`);
  const r = spawnSync(process.execPath, [path.join(__dirname, bench)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
if (process.argv.includes('--with-tests')) {
  console.log('\n=== test suite (npx jest, wall time)');
  const t = process.hrtime.bigint();
  const r = spawnSync('npx', ['jest', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`jest exit ${r.status}, wall ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`);
}
