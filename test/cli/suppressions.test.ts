/**
 * Suppressions recorded at synth travel in cdk.tf.json, and the CLI honours them exactly as synth did:
 * same findings, same suppressed list; past their expiry they fail the run; malformed ones are listed and
 * not honoured.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Guardrails } from '../../index';
import { builtInRules } from '../../rules';
import type { RuleLevel } from '../../engine/types';
import { awsStack, readReport, stackFile, synthError, testApp } from '../helpers/app';
import { ENCRYPTION, PUBLIC_IP, cli, only } from './harness';

const reason = 'legacy volume, migration tracked in INFRA-1234';
const levels: Record<string, RuleLevel> = {
  ...Object.fromEntries(builtInRules.map((r) => [r.id, 'off' as RuleLevel])),
  [ENCRYPTION]: 'error',
  [PUBLIC_IP]: 'warning',
};
const cliLevels = [...only(ENCRYPTION, PUBLIC_IP), '--rule', `${PUBLIC_IP}=warning`];

let outdir: string;
let synthReport: any;
beforeAll(() => {
  const app = testApp();
  Guardrails.enforce(app, { rules: levels, today: '2030-01-01' });
  const stack = awsStack(app, 'app');
  const legacy = new Construct(stack, 'legacy');
  new EbsVolume(legacy, 'data', { availabilityZone: 'eu-west-1a', size: 10 });
  new EbsVolume(legacy, 'logs', { availabilityZone: 'eu-west-1a', size: 10 });
  new Eip(stack, 'ip', { domain: 'vpc' });
  Guardrails.suppress(legacy, ENCRYPTION, { reason, expires: '2030-06-30' });
  expect(synthError(app)).toBeUndefined();
  outdir = app.outdir;
  synthReport = readReport(app);
  expect(fs.existsSync(stackFile(app, 'app'))).toBe(true);
});

const strip = (v: any) => ({
  ruleId: v.ruleId,
  severity: v.severity,
  kind: v.kind,
  address: v.address,
  constructPath: v.constructPath,
  suppression: v.suppression,
});

test('a live suppression: the CLI reports exactly what synth reported', async () => {
  const run = await cli(['check', outdir, '--format', 'json', '--today', '2030-01-01', ...cliLevels]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report.suppressed).toHaveLength(2);
  expect(report.suppressed.map(strip)).toEqual(synthReport.suppressed.map(strip));
  expect(report.violations.map(strip)).toEqual(synthReport.violations.map(strip));
  expect(report.violations.map(strip)).toEqual([expect.objectContaining({ ruleId: PUBLIC_IP, severity: 'warning', address: 'aws_eip.ip' })]);
});

test('on its expiry day it still applies; the day after, the run fails', async () => {
  expect((await cli(['check', outdir, '--today', '2030-06-30', ...cliLevels])).code).toBe(0);
  const run = await cli(['check', outdir, '--today', '2030-07-01', ...cliLevels]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('(suppression expired)');
  expect(run.stdout).toMatch(new RegExp(`Expired suppressions \\(2\\).*\\n.*"${reason}" expired on 2030-06-30`));
  expect(run.stdout).toMatch(/2 errors, 1 warning, 0 suppressed, 2 expired suppressions/);
});

test('malformed suppressions are listed and not honoured', async () => {
  const file = path.join(outdir, 'stacks', 'app', 'cdk.tf.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  doc['//'].guardrails.suppressions = [
    { ruleId: ENCRYPTION, scope: 'app/legacy', reason: 'too short' },
    { ruleId: 'no-such-rule', scope: 'app', reason: 'a reason that is long enough' },
    { ruleId: ENCRYPTION, scope: 'app/legacy', reason: 'a reason that is long enough', expires: 'next year' },
  ];
  const copy = path.join(outdir, 'invalid.tf.json');
  fs.writeFileSync(copy, JSON.stringify(doc));
  const run = await cli(['check', copy, '--format', 'json', '--today', '2030-01-01', ...cliLevels]);
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.suppressed).toEqual([]);
  expect(report.invalidSuppressions.map((s: { problem: string }) => s.problem)).toEqual([
    expect.stringContaining('must be at least 10 characters'),
    expect.stringContaining('unknown rule id "no-such-rule"'),
    expect.stringContaining('must be a date YYYY-MM-DD'),
  ]);
  expect(report.violations.filter((v: { ruleId: string }) => v.ruleId === ENCRYPTION)).toHaveLength(2);
  const text = await cli(['check', copy, '--today', '2030-01-01', ...cliLevels]);
  expect(text.stdout).toMatch(/Invalid suppressions, not honoured \(3\):/);
});
