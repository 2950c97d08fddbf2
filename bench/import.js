#!/usr/bin/env node
/**
 * Import cost of each entry point: wall time and RSS of a fresh node process that requires it, against
 * requiring the AWS provider's root index (what we must never pull in). Run after `npm run build`.
 * Prints a table; takes the median of --pairs (or BENCH_PAIRS) runs, 5 by default.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const RUNS = require('./measure').settings().pairs;
const entries = [
  ['node (no import)', ''],
  ['cdktf-guardrails', `require(${JSON.stringify(path.join(root, 'dist/index.js'))})`],
  ['cdktf-guardrails/testing', `require(${JSON.stringify(path.join(root, 'dist/testing/index.js'))})`],
  ['cdktf (for reference)', "require('cdktf')"],
  ['@cdktf/provider-aws/lib/instance (deep)', "require('@cdktf/provider-aws/lib/instance')"],
  ['@cdktf/provider-aws (root index; never)', "require('@cdktf/provider-aws')"],
];

function measure(code) {
  const script =
    `const t=process.hrtime.bigint();${code};const ms=Number(process.hrtime.bigint()-t)/1e6;` +
    `const roots=Object.keys(require.cache).filter(k=>/@cdktf[\\/\\\\]provider-[a-z-]+[\\/\\\\]lib[\\/\\\\]index\\.js$/.test(k)).length;` +
    `process.stdout.write(JSON.stringify({ms,rss:process.memoryUsage().rss,roots}))`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = entries.map(([name, code]) => {
  const runs = Array.from({ length: RUNS }, () => measure(code));
  return { name, ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rss)) / 1024 / 1024, roots: runs[0].roots };
});
console.log(`import cost (median of ${RUNS} fresh processes)`);
console.log('entry'.padEnd(44), 'require ms'.padStart(11), 'RSS MB'.padStart(8), ' provider root indexes loaded');
for (const r of rows) console.log(r.name.padEnd(44), r.ms.toFixed(1).padStart(11), r.rssMb.toFixed(0).padStart(8), ` ${r.roots}`);
module.exports = rows;
