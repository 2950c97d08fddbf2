/** The reports every guarded synth writes: report.json (the audit) and report.sarif (valid SARIF 2.1.0). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Guardrails } from '../../index';
import { awsStack, readReport, synthError, testApp } from '../helpers/app';
import { assertValidSarif, validateSarif } from '../helpers/sarif';
import { evaluate } from '../../engine/evaluate';
import { resolveOptions } from '../../engine/options';
import { writeReports } from '../../engine/reports/write-reports';
import type { Violation } from '../../engine/types';
import { builtInRules } from '../../rules';

function auditedApp() {
  const app = testApp();
  Guardrails.enforce(app, { rules: { 'volume-encryption-required': 'warning', 'imdsv2-required': 'off' } });
  const stack = awsStack(app);
  new EbsVolume(stack, 'plain', { availabilityZone: 'a' });
  const legacy = new Construct(stack, 'legacy');
  new EbsVolume(legacy, 'old', { availabilityZone: 'a' });
  Guardrails.suppress(legacy, 'volume-encryption-required', { reason: 'legacy data, migrated in INFRA-77', expires: '2999-01-01' });
  stack.addOverride('resource.aws_cloudwatch_dashboard.ops', { dashboard_name: 'ops', dashboard_body: '{}' });
  expect(synthError(app)).toBeUndefined();
  return app;
}

describe('report.json', () => {
  test('lists rules evaluated, findings, suppressions with reason and expiry, levels changed, and coverage gaps', () => {
    const report = readReport(auditedApp());
    expect(report.tool.name).toBe('cdktf-guardrails');
    expect(report.rulesEvaluated.map((r: any) => r.id)).toContain('volume-encryption-required');
    expect(report.rulesEvaluated.map((r: any) => r.id)).not.toContain('imdsv2-required');
    expect(report.violations).toEqual([
      expect.objectContaining({ ruleId: 'volume-encryption-required', severity: 'warning', address: 'aws_ebs_volume.plain' }),
    ]);
    expect(report.suppressed).toEqual([
      expect.objectContaining({
        constructPath: 'main/legacy/old',
        suppression: expect.objectContaining({ reason: 'legacy data, migrated in INFRA-77', expires: '2999-01-01' }),
      }),
    ]);
    expect(report.rulesOff).toContainEqual({ ruleId: 'imdsv2-required', reason: 'turned-off' });
    expect(report.levelChanges).toContainEqual({ ruleId: 'volume-encryption-required', from: 'error', to: 'warning' });
    expect(report.uncoveredTypes).toContainEqual({ type: 'aws_cloudwatch_dashboard', count: 1, stacks: ['main'] });
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1, suppressed: 1 });
  });
});

describe('report.sarif', () => {
  test('is valid SARIF 2.1.0 (official schema and the SARIF Multitool), with findings and suppressed findings', () => {
    const app = auditedApp();
    const text = fs.readFileSync(path.join(app.outdir, 'guardrails', 'report.sarif'), 'utf8');
    const validation = assertValidSarif(text);
    if (validation.multitoolSkipped) console.warn(`[SARIF Multitool skipped] ${validation.multitoolSkipped}`);
    const sarif = JSON.parse(text);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(2);
    expect(results.find((r: any) => r.suppressions)).toMatchObject({
      ruleId: 'volume-encryption-required',
      suppressions: [{ kind: 'external', status: 'accepted', justification: 'legacy data, migrated in INFRA-77 (until 2999-01-01)' }],
    });
    const rule = sarif.runs[0].tool.driver.rules.find((r: any) => r.id === 'volume-encryption-required');
    expect(rule.defaultConfiguration.level).toBe('warning');
    expect(rule.help.text).toContain('encrypted = true');
  });

  test('the validation can fail: a broken log is rejected', () => {
    expect(validateSarif(JSON.stringify({ version: '2.1.0', runs: [{ tool: {} }] })).schemaErrors.length).toBeGreaterThan(0);
  });

  test('a refused synth still writes both reports', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app), 'plain', { availabilityZone: 'a' });
    expect(synthError(app)).toBeDefined();
    expect(readReport(app).summary.errors).toBe(1);
    assertValidSarif(fs.readFileSync(path.join(app.outdir, 'guardrails', 'report.sarif'), 'utf8'));
  });
});

describe('a SARIF report larger than GitHub code scanning accepts (25,000 results in a run)', () => {
  const violation: Violation = {
    ruleId: 'volume-encryption-required',
    severity: 'warning',
    kind: 'violation',
    stack: 'main',
    constructPath: 'main/v',
    address: 'aws_ebs_volume.v',
    resourceType: 'aws_ebs_volume',
    message: 'the volume is not encrypted',
    fix: 'encrypt it',
  };
  const written = (results: number): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-'));
    const result = { ...evaluate([], resolveOptions({}, builtInRules, 'test')), violations: Array.from({ length: results }, () => violation) };
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const quiet = process.env.CDKTF_GUARDRAILS_QUIET;
    delete process.env.CDKTF_GUARDRAILS_QUIET;
    try {
      writeReports(dir, result, builtInRules);
      return stderr.mock.calls.map((call) => String(call[0])).join('');
    } finally {
      if (quiet !== undefined) process.env.CDKTF_GUARDRAILS_QUIET = quiet;
      stderr.mockRestore();
    }
  };

  test('synth writes it whole and says, after its summary, that GitHub would refuse the upload', () => {
    expect(written(25_001)).toContain(
      '\ncdktf-guardrails: note: the SARIF report holds 25001 results in one run; GitHub code scanning rejects a run of more than 25000',
    );
    expect(written(25_000)).not.toContain('note:');
  });
});
