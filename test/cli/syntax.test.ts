/**
 * `--syntax hcl|cdktf`: `explain` shows a rule's fix and examples in Terraform's names (Terraform JSON) and
 * in cdktf's (TypeScript), or only one of them; `check` keeps fix texts as written (Terraform's names) unless
 * asked for cdktf's, in every report format.
 */
import { cdktfExampleText } from '../../engine/docs/cdktf-example';
import { cdktfFix } from '../../engine/docs/cdktf-fix';
import { builtInRules } from '../../rules';
import { cdktfOut, cdktfStack, cli, expectOneLineError, only, tempDir } from './harness';

const IMDS = builtInRules.find((r) => r.id === 'imdsv2-required')!;
const HCL_FIX = 'metadata_options { http_tokens = "required"';
const CDKTF_FIX = 'metadataOptions: { httpTokens: "required"';
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('explain', () => {
  test('without --syntax: the fix as written and in cdktf, each example in Terraform JSON and in cdktf TypeScript', async () => {
    const run = await cli(['explain', IMDS.id]);
    expect(run.code).toBe(0);
    const out = flat(run.stdout);
    expect(out).toContain(`Fix ${flat(IMDS.fix)}`);
    expect(out).toContain(`Fix, in cdktf ${flat(cdktfFix(IMDS))}`);
    for (const which of ['failing', 'passing'] as const) {
      const e = IMDS.examples![which];
      const section = run.stdout.split(`${which === 'failing' ? 'Failing' : 'Passing'} example (aws_instance)\n`)[1].split(/\n(?=\S)/)[0];
      expect(JSON.parse(section.split('\n\n')[0]).resource.aws_instance.example).toEqual(e.body);
      expect(section).toContain('\n  in cdktf:\n');
      expect(section).toContain(cdktfExampleText(e).replace(/^(?=.)/gm, '  '));
    }
  });

  test('--syntax hcl: only Terraform names and Terraform JSON, as before', async () => {
    const run = await cli(['explain', IMDS.id, '--syntax', 'hcl']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(HCL_FIX);
    expect(run.stdout).not.toContain(CDKTF_FIX);
    expect(run.stdout).not.toMatch(/in cdktf|import \{|new Instance/);
  });

  test('--syntax cdktf: only cdktf names and TypeScript', async () => {
    const run = await cli(['explain', IMDS.id, '--syntax', 'cdktf']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CDKTF_FIX.split(' ').slice(0, 2).join(' '));
    expect(flat(run.stdout)).toContain(flat(cdktfFix(IMDS)));
    expect(run.stdout).not.toContain(HCL_FIX);
    expect(run.stdout).toContain("import { Instance } from '@cdktf/provider-aws/lib/instance';");
    expect(run.stdout).not.toContain('"resource"');
  });

  test('--format json: the metadata, and the fix and examples in cdktf unless --syntax hcl', async () => {
    const both = JSON.parse((await cli(['explain', IMDS.id, '--format', 'json'])).stdout);
    expect(both.fix).toBe(IMDS.fix);
    expect(both.cdktf).toEqual({
      fix: cdktfFix(IMDS),
      examples: { failing: cdktfExampleText(IMDS.examples!.failing), passing: cdktfExampleText(IMDS.examples!.passing) },
    });
    const hcl = JSON.parse((await cli(['explain', IMDS.id, '--format', 'json', '--syntax', 'hcl'])).stdout);
    expect(hcl).not.toHaveProperty('cdktf');
    expect(hcl.examples).toEqual(JSON.parse(JSON.stringify(IMDS.examples)));
  });

  test('an unknown syntax is a usage error', async () => {
    expectOneLineError(await cli(['explain', IMDS.id, '--syntax', 'python']), /--syntax/, /hcl, cdktf/);
    expectOneLineError(await cli(['check', '--syntax', 'terraform', '.']), /--syntax/, /hcl, cdktf/);
  });
});

describe('check', () => {
  const dir = cdktfOut(tempDir(), {
    app: cdktfStack('app', { aws_instance: { web: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } } }),
  });
  const args = ['check', dir, ...only(IMDS.id)];

  test('the fix line keeps Terraform names by default (for non-cdktf users), and --syntax hcl says so explicitly', async () => {
    for (const syntax of [[], ['--syntax', 'hcl']]) {
      const run = await cli([...args, ...syntax]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`fix: ${IMDS.fix}`);
    }
  });

  test('--syntax cdktf: the fix line in cdktf names', async () => {
    const run = await cli([...args, '--syntax', 'cdktf']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`fix: ${cdktfFix(IMDS)}`);
    expect(run.stdout).not.toContain(HCL_FIX);
  });

  test('--syntax cdktf reaches every format that prints a fix', async () => {
    const json = JSON.parse((await cli([...args, '--syntax', 'cdktf', '--format', 'json'])).stdout);
    expect(JSON.stringify(json)).toContain(CDKTF_FIX.replace(/"/g, '\\"'));
    expect(JSON.stringify(json)).not.toContain('metadata_options {');
    for (const format of ['sarif', 'junit', 'github']) {
      const out = (await cli([...args, '--syntax', 'cdktf', '--format', format])).stdout;
      expect([format, out.includes('metadataOptions'), out.includes('metadata_options {')]).toEqual([format, true, false]);
    }
  });
});
