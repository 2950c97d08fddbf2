/**
 * Preloaded into every measured process (`node -r bench/probe.js …`): when the process exits, its own CPU
 * time (user and system, in µs) and peak resident set size (kB) are written as JSON to $BENCH_USAGE_FILE,
 * with whatever the process put in `globalThis.benchExtra` (a phase timing, a finding count). Both sides of
 * a pair are measured the same way, so start-up costs the same on both.
 */
'use strict';
const fs = require('fs');

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const record = { user: usage.userCPUTime, system: usage.systemCPUTime, maxRssKb: usage.maxRSS, code, extra: globalThis.benchExtra };
    fs.writeFileSync(file, JSON.stringify(record));
  });
}
