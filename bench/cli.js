#!/usr/bin/env node
/**
 * The `cdktf-guardrails check` CLI against its floor: a `node -e` that only JSON.parses the same files
 * (what any tool reading the input must at least do). Generated inputs (bench/generate.js): a cdktf output
 * of N resources, and the plan JSON of the same stack (`terraform show -json`, written beside its
 * cdk.tf.json, where the CLI finds the configuration). Each side runs in a fresh process, in interleaved
 * pairs; the figures are CPU time (user + system) and peak RSS, medians with their min–max spread, and
 * the CLI/floor ratio pair by pair. Run after `npm run build`:
 *
 *   node bench/cli.js [--quick] [--pairs 5] [--config-sizes 10000,50000,200000] [--plan-sizes 10000,50000]
 *                     [--format text|json|sarif|junit|github]
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { measure, pairs, spread, stats, table, settings, machine, requireBuild } = require('./measure');
const { writeInputs } = require('./generate');

const FLOOR = "for (const f of process.argv.slice(1)) JSON.parse(require('fs').readFileSync(f, 'utf8'))";
/** Issue 15's targets: CPU ratio to the floor, and peak RSS. */
const TARGETS = {
  'config 50000': { ratio: 4 },
  'config 200000': { rssMb: 1536 },
  'plan 50000': { ratio: 5, rssMb: 1024 },
};

function main() {
  const main = requireBuild();
  const config = settings();
  const format = config.value('format') ?? process.env.BENCH_FORMAT ?? 'text';
  const cases = [
    ...config.sizes('config-sizes', [10000, 50000, 200000], [10000]).map((n) => ({ kind: 'config', n })),
    ...config.sizes('plan-sizes', [10000, 50000], [10000]).map((n) => ({ kind: 'plan', n })),
  ];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-guardrails-bench-cli-'));
  console.log(`cdktf-guardrails check (--format ${format}) vs a JSON.parse of the same files: ${config.pairs} interleaved pairs per input`);
  console.log(machine());
  const rows = [];
  const results = [];
  try {
    for (const { kind, n } of cases) {
      const dir = path.join(work, `${kind}-${n}`);
      const files = writeInputs(dir, n, { plan: kind === 'plan' });
      // What the CLI reads: the manifest and the stack; or the plan and the cdk.tf.json beside it.
      const read = kind === 'plan' ? [files.plan, files.config] : [files.manifest, files.config];
      const target = kind === 'plan' ? files.plan : files.dir;
      const mb = read.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1e6;
      const report = path.join(work, `report.${format}`);
      const cli = () => measure([main, 'check', target, '--format', format, '--output', report, '--max-input-mb', '500'], { expect: [0, 1] });
      const floor = () => measure(['-e', FLOOR, ...read], { expect: [0] });
      const { a, b, ratios } = pairs(config.pairs, cli, floor, (i, x, y) =>
        process.stderr.write(
          `  ${kind} ${n}: pair ${i + 1}/${config.pairs}: check ${x.cpu.toFixed(2)} s ${x.rss.toFixed(0)} MB, floor ${y.cpu.toFixed(2)} s\n`,
        ),
      );
      const summary = /(\d+) error\(s\), (\d+) warning\(s\)/.exec(a[0].stderr);
      const findings = summary ? Number(summary[1]) + Number(summary[2]) : '?';
      const rssRatios = a.map((x, i) => x.rss / b[i].rss);
      const key = `${kind} ${n}`;
      const result = {
        input: key,
        mb,
        cpu: stats(a.map((r) => r.cpu)),
        floorCpu: stats(b.map((r) => r.cpu)),
        ratio: stats(ratios),
        rss: stats(a.map((r) => r.rss)),
        floorRss: stats(b.map((r) => r.rss)),
        resourcesPerCpuSecond: n / stats(a.map((r) => r.cpu)).median,
        findings,
        target: TARGETS[key],
      };
      results.push(result);
      const t = TARGETS[key] ?? {};
      rows.push([
        key,
        mb.toFixed(0),
        spread(a.map((r) => r.cpu)),
        spread(b.map((r) => r.cpu)),
        spread(ratios),
        spread(
          a.map((r) => r.rss),
          0,
        ),
        spread(
          b.map((r) => r.rss),
          0,
        ),
        spread(rssRatios, 1),
        Math.round(result.resourcesPerCpuSecond).toLocaleString('en-US'),
        findings,
        [t.ratio ? `ratio <= ${t.ratio}` : '', t.rssMb ? `RSS <= ${t.rssMb} MB` : ''].filter(Boolean).join(', '),
      ]);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(report, { force: true });
    }
    const startup = pairs(
      config.pairs,
      () => measure([main, '--version'], { expect: [0] }),
      () => measure(['-e', '0'], { expect: [0] }),
    );
    rows.push([
      'start-up (--version)',
      '',
      spread(startup.a.map((r) => r.cpu)),
      spread(startup.b.map((r) => r.cpu)),
      spread(startup.ratios),
      spread(
        startup.a.map((r) => r.rss),
        0,
      ),
      spread(
        startup.b.map((r) => r.rss),
        0,
      ),
      spread(
        startup.a.map((r, i) => r.rss / startup.b[i].rss),
        1,
      ),
      '',
      '',
      '',
    ]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log('');
  console.log('CPU s and RSS MB: median (min–max); ratios pair by pair; the floor of start-up is `node -e 0`');
  console.log(
    table(
      [
        'input (resources)',
        'MB read',
        'check CPU s',
        'floor CPU s',
        'CPU ratio',
        'check RSS MB',
        'floor RSS MB',
        'RSS ratio',
        'resources/CPU s',
        'findings',
        'target',
      ],
      rows,
    ),
  );
  return results;
}

main();
