#!/usr/bin/env node
/**
 * `npm run test:cdktn`: jest with jest.cdktn.config.js (the enforcement, AWS construct and matcher suites on
 * CDK Terrain and AWS provider 6), on Node 22 when `npx node@22` can be had (@cdktn/provider-aws wants
 * Node >= 22.11), else on this Node with a warning.
 */
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const probe = spawnSync('npx', ['-y', 'node@22', '--version'], { cwd: root, encoding: 'utf8' });
const node22 = probe.status === 0 && /^v22\./m.test(probe.stdout);
if (!node22) console.warn(`test:cdktn: Node 22 not available (${(probe.stderr || probe.stdout).trim().slice(0, 200)}); running on ${process.version}`);
const [cmd, args] = node22 ? ['npx', ['-y', 'node@22', jest]] : [process.execPath, [jest]];
const run = spawnSync(cmd, [...args, '-c', 'jest.cdktn.config.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CDKTF_GUARDRAILS_CDK: 'cdktn' },
});
process.exit(run.status ?? 1);
