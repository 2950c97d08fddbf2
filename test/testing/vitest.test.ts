/**
 * 'cdktf-guardrails/vitest' works in a vitest project without `globals` (where importing the jest entry
 * used to fail with "Invalid Chai property"). Runs vitest on test/testing/vitest/ against the built package.
 */
import * as path from 'path';
import { spawnSync } from 'child_process';

test('the matchers work under vitest without globals', () => {
  const root = path.join(__dirname, 'vitest');
  const vitest = require.resolve('vitest/vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', '--root', root, '--config', path.join(root, 'vitest.config.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CDKTF_GUARDRAILS_QUIET: '1', CI: 'true', NO_COLOR: '1' },
  });
  expect(`${run.stdout}${run.stderr}`).toMatch(/1 passed/);
  expect(run.status).toBe(0);
}, 120000);
