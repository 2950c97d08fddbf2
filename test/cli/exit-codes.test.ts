/** 0: nothing at or above --fail-on; 1: such findings; 2: usage or input errors (see bad-input.test.ts). */
import { ENCRYPTION, PUBLIC_IP, cli, only, tempDir, writeFiles } from './harness';

const RULES = only(ENCRYPTION, PUBLIC_IP);
let dir: string;

beforeAll(() => {
  dir = writeFiles(tempDir(), {
    'clean.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: true } } } },
    'broken.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: false } } } },
    'token.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: '${var.enc}' } } } },
  });
});

const check = (...args: string[]) => cli(['check', ...args, ...RULES], { cwd: dir });

test.each([
  ['clean config', ['clean.json'], 0],
  ['violation at error', ['broken.json'], 1],
  ['violation turned into a warning', ['broken.json', '--rule', `${ENCRYPTION}=warning`], 0],
  ['warning, failing on warnings', ['broken.json', '--rule', `${ENCRYPTION}=warning`, '--fail-on', 'warning'], 1],
  ['violation of a rule turned off', ['broken.json', '--rule', `${ENCRYPTION}=off`], 0],
  ['the last --rule for a rule wins', ['broken.json', '--rule', `${ENCRYPTION}=off`, '--rule', `${ENCRYPTION}=error`], 1],
  ['unknown value (error by default)', ['token.json'], 1],
  ['unknown value as a warning', ['token.json', '--unknown-values', 'warning'], 0],
  ['unknown value as a warning, failing on warnings', ['token.json', '--unknown-values', 'warning', '--fail-on', 'warning'], 1],
  ['one bad stack among clean ones', ['clean.json', 'broken.json'], 1],
])('%s → exit %d', async (_name, args, expected) => {
  const run = await check(...(args as string[]));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(expected);
});

test('the level actually given to each finding is reported', async () => {
  const run = await check('token.json', '--unknown-values', 'warning', '--format', 'json');
  const report = JSON.parse(run.stdout);
  expect(report.violations).toHaveLength(1);
  expect(report.violations[0]).toMatchObject({ kind: 'unknown', severity: 'warning' });
  expect(report.unknownValues).toBe('warning');
});

test('--profile strict runs strict rules; baseline does not', async () => {
  const base = JSON.parse((await cli(['check', 'clean.json', '--format', 'json'], { cwd: dir })).stdout);
  const strict = JSON.parse((await cli(['check', 'clean.json', '--format', 'json', '--profile', 'strict'], { cwd: dir })).stdout);
  expect(base.profile).toBe('baseline');
  expect(strict.profile).toBe('strict');
  expect(strict.rulesEvaluated.length).toBeGreaterThanOrEqual(base.rulesEvaluated.length);
  expect(base.rulesOff.every((o: { reason: string }) => o.reason === 'not-in-profile')).toBe(true);
});

test('--required-tags reaches the engine', async () => {
  const run = await cli(['check', 'clean.json', '--format', 'json', '--required-tags', ' team , cost-center ,'], { cwd: dir });
  expect(run.code).toBeLessThanOrEqual(1);
  // The tag rule (when present in the catalog) asks for exactly these keys.
  const messages = JSON.parse(run.stdout)
    .violations.map((v: { message: string }) => v.message)
    .join('\n');
  if (messages.includes('tag')) {
    expect(messages).toMatch(/team/);
    expect(messages).not.toMatch(/\bowner\b/);
  }
});

test('help and version exit 0', async () => {
  expect((await cli(['--help'])).code).toBe(0);
  expect((await cli(['check', '--help'])).code).toBe(0);
  const version = await cli(['--version']);
  expect(version.code).toBe(0);
  expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
});
