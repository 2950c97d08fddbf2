/**
 * Used by bench/cli.js where /usr/bin/time is missing: runs the CLI in this process and writes its peak
 * resident set size (kB) to $BENCH_RSS_FILE on exit.
 *   node bench/cli-rss-wrapper.js dist/cli/main.js check …
 */
'use strict';
const fs = require('fs');
const path = require('path');

const [main, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(main), ...args];
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
require(path.resolve(main));
