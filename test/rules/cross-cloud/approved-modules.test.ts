/**
 * approvedModules: a reviewed module (source and exact version) is let through by
 * module-contents-unverified and listed in every report; anything else about it stays as strict as before.
 */
import * as path from 'path';
import { TerraformHclModule } from 'cdktf';
import { moduleContentsUnverified as rule } from '../../../rules/cross-cloud/module-contents-unverified';
import { approvalFor, validateApprovedModules } from '../../../engine/approved-modules';
import { Guardrails, GuardrailConfigError } from '../../../index';
import { awsStack, readReport, synthError, testApp } from '../../helpers/app';
import { findings, kinds } from '../../helpers/rule-harness';
import { cli, only, tempDir, writeFiles } from '../../cli/harness';

const vpc = { source: 'terraform-aws-modules/vpc/aws', version: '5.8.1', reason: 'reviewed by platform team, INFRA-77' };
const call = (body: Record<string, unknown>) => ({ module: { net: body } }) as never;

describe('approvedModules', () => {
  test('an approved source at its exact version passes; another version, source or an expression stays unknown', () => {
    expect(findings(rule, call({ source: vpc.source, version: '5.8.1' }), { approvedModules: [vpc] })).toEqual([]);
    expect(kinds(findings(rule, call({ source: vpc.source, version: '5.9.0' }), { approvedModules: [vpc] }))).toEqual(['unknown']);
    expect(kinds(findings(rule, call({ source: vpc.source, version: '~> 5.8' }), { approvedModules: [vpc] }))).toEqual(['unknown']);
    expect(kinds(findings(rule, call({ source: vpc.source }), { approvedModules: [vpc] }))).toEqual(['unknown']);
    expect(kinds(findings(rule, call({ source: 'evil/vpc/aws', version: '5.8.1' }), { approvedModules: [vpc] }))).toEqual(['unknown']);
    expect(kinds(findings(rule, call({ source: '${var.src}', version: '5.8.1' }), { approvedModules: [vpc] }))).toEqual(['unknown']);
  });

  test('a local module is approved by its path, without a version', () => {
    const local = { source: './modules/net', reason: 'our own module, reviewed with every change' };
    expect(findings(rule, call({ source: './modules/net' }), { approvedModules: [local] })).toEqual([]);
    expect(approvalFor({ source: './modules/net', version: '1.0.0' }, [local])).toBeUndefined();
  });

  test.each([
    [[{ source: 'a/b/c', reason: 'reviewed by us, fine' }], /approvedModules\[0\]\.version: a registry or remote module is approved at an exact version/],
    [[{ source: 'a/b/c', version: '>= 1.0', reason: 'reviewed by us, fine' }], /version: expected an exact version/],
    [[{ source: 'a/b/c', version: '1.0.0', reason: 'ok' }], /reason: say who reviewed it/],
    [[{ version: '1.0.0', reason: 'reviewed by us, fine' }], /source: expected the module source/],
    ['all', /approvedModules: expected an array/],
  ])('a malformed approval is a clear error: %j', (approvals, message) => {
    expect(() => validateApprovedModules(approvals, 'options')).toThrow(message);
  });

  test('at synth: the approved module passes and the report lists the approval', () => {
    const app = testApp();
    Guardrails.enforce(app, { approvedModules: [vpc] });
    new TerraformHclModule(awsStack(app), 'vpc', { source: vpc.source, version: '5.8.1' });
    expect(synthError(app)).toBeUndefined();
    expect(readReport(app).approvedModules).toEqual([
      expect.objectContaining({ address: 'module.vpc', source: vpc.source, version: '5.8.1', reason: vpc.reason }),
    ]);
  });

  test('a bad approval in enforce options fails at once', () => {
    expect(() => Guardrails.enforce(testApp(), { approvedModules: [{ source: 'x/y/z', reason: 'reviewed by us' }] })).toThrow(GuardrailConfigError);
  });

  test('the CLI reads approvals from a file and lists them', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'main.tf.json': { module: { vpc: { source: vpc.source, version: '5.8.1' } } },
      'approved.json': [vpc],
      'bad.json': { source: vpc.source },
    });
    const ok = await cli(['check', 'main.tf.json', '--approved-modules', 'approved.json', ...only(rule.id)], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Modules let through by approvedModules (1):`);
    expect((await cli(['check', 'main.tf.json', ...only(rule.id)], { cwd: dir })).code).toBe(1);
    const bad = await cli(['check', 'main.tf.json', '--approved-modules', 'bad.json', ...only(rule.id)], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--approved-modules bad.json: expected a JSON array');
    expect(path.isAbsolute(dir)).toBe(true);
  });
});
