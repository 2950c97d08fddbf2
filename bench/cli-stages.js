#!/usr/bin/env node
/**
 * Where the CLI's CPU goes, stage by stage, against the JSON.parse floor of bench/cli.js: each stage is a
 * fresh process that does what `cdktf-guardrails check` does up to that point and stops. A stage's ratio to
 * the floor is a lower bound for the whole check: what a target such as "≤ 4× the floor" leaves for the
 * stages after it. Run after `npm run build`:
 *
 *   node bench/cli-stages.js [--quick] [--pairs 5] [--size 50000]      (--quick: 10,000 resources, 3 rounds)
 *
 * Stages (each includes the ones before it):
 *   load     start node and load the check command, the engine and the catalog (cli/check-command.js)
 *   read     + read the input as the CLI does (loadInputs: read, JSON.parse, repeated-key check, lines, records)
 *   engine   + evaluate with every rule's check a no-op (the engine's own cost: dispatch, contexts)
 *   rules    + evaluate with the real rules
 *   check    the real CLI: `check DIR --output FILE` (text), which adds placing and writing the findings
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { measure, stats, spread, table, settings, machine, requireBuild, ROOT } = require('./measure');
const { writeInputs } = require('./generate');

const FLOOR = "for (const f of process.argv.slice(1)) JSON.parse(require('fs').readFileSync(f, 'utf8'))";
const STAGES = ['load', 'read', 'engine', 'rules'];

/** In a measured process: run the CLI's pipeline up to `stage` on `dir`, then stop. */
async function runStage(stage, dir) {
  const dist = path.join(ROOT, 'dist');
  require(path.join(dist, 'cli', 'tiering'));
  require(path.join(dist, 'cli', 'check-command'));
  if (stage === 'load') return;
  const { loadInputs } = require(path.join(dist, 'engine', 'input', 'load-inputs'));
  const { evaluate } = require(path.join(dist, 'engine', 'evaluate'));
  const { resolveOptions } = require(path.join(dist, 'engine', 'options'));
  const { builtInRules } = require(path.join(dist, 'rules'));
  const rules = stage === 'engine' ? builtInRules.map((rule) => ({ ...rule, check: () => undefined })) : builtInRules;
  const resolved = resolveOptions({}, rules, 'bench');
  const loaded = await loadInputs([dir], { cwd: dir, maxInputBytes: 500 * 1024 * 1024 });
  if (stage === 'read') return;
  evaluate(loaded.stacks, resolved);
}

function main() {
  const cli = requireBuild();
  const config = settings();
  const n = Number(config.value('size') ?? (config.quick ? 10000 : 50000));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-guardrails-bench-stages-'));
  try {
    const files = writeInputs(path.join(work, 'in'), n, { plan: false });
    const report = path.join(work, 'report.txt');
    const sides = {
      floor: () => measure(['-e', FLOOR, files.manifest, files.config], { expect: [0] }),
      ...Object.fromEntries(STAGES.map((s) => [s, () => measure([__filename, '--run-stage', s, files.dir], { expect: [0] })])),
      check: () => measure([cli, 'check', files.dir, '--output', report, '--max-input-mb', '500'], { expect: [0, 1] }),
    };
    console.log(`cdktf-guardrails check of a ${n}-resource cdktf output, stage by stage, against its JSON.parse floor: ${config.pairs} rounds`);
    console.log(machine());
    /** @type {Record<string, ReturnType<typeof measure>[]>} */
    const samples = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let round = 0; round < config.pairs; round++) {
      // Each round runs every side once, in an order that alternates, so drift moves all of them alike.
      const order = round % 2 === 0 ? Object.keys(sides) : Object.keys(sides).reverse();
      for (const side of order) samples[side].push(sides[side]());
      process.stderr.write(
        `  round ${round + 1}/${config.pairs}: ${Object.keys(sides)
          .map((k) => `${k} ${samples[k][round].cpu.toFixed(2)}`)
          .join(', ')}\n`,
      );
    }
    const rows = Object.keys(sides).map((side) => {
      const ratios = samples[side].map((s, i) => s.cpu / samples.floor[i].cpu);
      return [side, spread(samples[side].map((s) => s.cpu)), spread(ratios), stats(samples[side].map((s) => s.rss)).median.toFixed(0)];
    });
    console.log('');
    console.log('CPU s: median (min–max); ratio to the floor, round by round; each stage includes the ones above it');
    console.log(table(['stage', 'CPU s', 'ratio to floor', 'RSS MB'], rows));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--run-stage') {
  runStage(process.argv[3], process.argv[4]).catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
} else {
  main();
}
