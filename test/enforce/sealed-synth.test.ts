/**
 * What Terraform reads is exactly what was checked: every file in a stack's working directory, written by
 * whatever wrote it during synth; nothing unchecked is left in the outdir on refusal, exception or exit;
 * every way of synthesizing a guarded stack (the app, its synthesizer, cdktf's Testing) is checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Annotations, App, Aspects, TerraformAsset, TerraformStack, Testing, type IAspect } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Manifest } from 'cdktf/lib/manifest';
import { Guardrails, GuardrailViolationError } from '../../index';
import { runCli } from '../../cli/run';
import { awsStack, stackFile, synthError, testApp } from '../helpers/app';

const goodVolume = { availabilityZone: 'eu-west-1a', size: 10, encrypted: true };
const badVolume = { availabilityZone: 'eu-west-1a', size: 10, encrypted: false };
const badJson = { resource: { aws_ebs_volume: { sneaky: { availability_zone: 'eu-west-1a', encrypted: false } } } };
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

/** A construct that writes a file into its stack's working directory during synth, as a custom synthesis hook can. */
class WritesBeside extends Construct {
  constructor(scope: Construct, id: string, name: string, content: string | ((file: string) => void)) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    Object.defineProperty(this, CUSTOM_SYNTHESIS, {
      value: {
        onSynthesize: (session: { outdir: string; manifest: Manifest }) => {
          const file = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, name);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          if (typeof content === 'string') fs.writeFileSync(file, content);
          else content(file);
        },
      },
    });
  }
}

function stackDirFiles(outdir: string, stack = 'main'): string[] {
  const dir = path.join(outdir, 'stacks', stack);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

function writeStale(outdir: string, stack: string): void {
  const dir = path.join(outdir, 'stacks', stack);
  fs.mkdirSync(path.join(dir, '.terraform'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(badJson));
}

function leftovers(outdir: string): string[] {
  const dir = path.join(outdir, 'guardrails');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('.staging')) : [];
}

describe('the unit of checking is the stack directory', () => {
  test('a Terraform JSON file written beside cdk.tf.json during synth is checked', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    new WritesBeside(stack, 'hook', 'extra.tf.json', JSON.stringify(badJson));
    const error = synthError(app);
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect(error.violations.map((v: { address: string; file: string }) => `${v.address} ${v.file}`)).toEqual([
      'aws_ebs_volume.sneaky stacks/main/extra.tf.json',
    ]);
    expect(stackDirFiles(app.outdir)).toEqual([]);
  });

  test('an override file written during synth is merged last, as Terraform does', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    new WritesBeside(stack, 'hook', 'z_override.tf.json', JSON.stringify({ resource: { aws_ebs_volume: { data: { encrypted: false } } } }));
    const error = synthError(app);
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect(error.violations[0].address).toBe('aws_ebs_volume.data');
  });

  test('an HCL file written during synth refuses synth, naming it', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    new WritesBeside(stack, 'hook', 'evil.tf', 'resource "aws_ebs_volume" "x" {\n  encrypted = false\n}\n');
    expect(() => app.synth()).toThrow(/stack 'main' cannot be checked as Terraform would read it: stacks\/main\/evil\.tf: is HCL/);
    expect(stackDirFiles(app.outdir)).toEqual([]);
  });

  test('a symbolic link written during synth refuses synth', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'elsewhere-')), 'x.tf.json');
    fs.writeFileSync(elsewhere, '{}');
    new WritesBeside(stack, 'hook', 'link.tf.json', (file) => fs.symlinkSync(elsewhere, file));
    expect(() => app.synth()).toThrow(/link\.tf\.json: is a symbolic link/);
  });

  test('a TerraformAsset whose target escapes assets/ is refused before anything is written', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    const source = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'asset-')), 'evil.tf.json');
    fs.writeFileSync(source, JSON.stringify(badJson));
    new TerraformAsset(stack, 'asset', { path: source, assetHash: '../..' });
    expect(() => app.synth()).toThrow(/TerraformAsset at 'main\/asset' would be written to "evil\.tf\.json".*outside assets\//);
    expect(stackDirFiles(app.outdir)).toEqual([]);
  });

  test('an ordinary TerraformAsset is promoted with its stack', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    const source = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'asset-')), 'lambda.zip');
    fs.writeFileSync(source, 'zip');
    const asset = new TerraformAsset(stack, 'asset', { path: source });
    app.synth();
    expect(fs.readFileSync(path.join(app.outdir, 'stacks/main', asset.path), 'utf8')).toBe('zip');
    expect(leftovers(app.outdir)).toEqual([]);
  });

  test('configuration left in the outdir from before is replaced; Terraform’s own files are kept', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app), 'data', goodVolume);
    const dir = path.join(app.outdir, 'stacks/main');
    fs.mkdirSync(path.join(dir, '.terraform'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stale.tf.json'), JSON.stringify(badJson));
    fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), '# lock');
    app.synth();
    expect(stackDirFiles(app.outdir)).toEqual(['.terraform', '.terraform.lock.hcl', 'cdk.tf.json']);
  });
});

describe('nothing unchecked is left behind', () => {
  test('configuration of a stack the app no longer has is removed from the outdir on the next synth', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app), 'data', goodVolume);
    writeStale(app.outdir, 'gone');
    app.synth();
    expect(stackDirFiles(app.outdir, 'gone')).toEqual(['.terraform']);
    expect(stackDirFiles(app.outdir)).toEqual(['cdk.tf.json']);
  });

  test("a stack with the id '..' (its working directory would be the outdir itself) is refused", () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, '..'), 'data', goodVolume);
    expect(() => app.synth()).toThrow(/is not a directory of its own under stacks\//);
    expect(fs.existsSync(path.join(app.outdir, 'cdk.tf.json'))).toBe(false);
  });

  test('a later stack that throws during synth leaves no earlier stack in the outdir', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'first'), 'data', goodVolume);
    const second = awsStack(app, 'second');
    Annotations.of(second).addError('broken on purpose');
    expect(() => app.synth()).toThrow(/broken on purpose/);
    expect(stackDirFiles(app.outdir, 'first')).toEqual([]);
    expect(leftovers(app.outdir)).toEqual([]);
  });

  test('a refused stack is kept out of Terraform’s way, where the CLI can check it', async () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'ok'), 'data', goodVolume);
    new EbsVolume(awsStack(app, 'bad'), 'data', badVolume);
    const error = synthError(app);
    expect(error.refusedOutput).toEqual([path.join(app.outdir, 'guardrails/refused/stacks/bad')]);
    expect(error.message).toContain('guardrails/refused/stacks/bad');
    expect(fs.existsSync(stackFile(app, 'ok'))).toBe(true);
    expect(fs.existsSync(stackFile(app, 'bad'))).toBe(false);
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, readStdin: async () => '', env: {}, cwd: app.outdir };
    expect(await runCli(['check', app.outdir], io)).toBe(2);
    expect(stderr).toContain('guardrails refused it at synth; the refused output is in');
    expect(await runCli(['check', path.join(app.outdir, 'guardrails/refused/stacks/bad')], io)).toBe(1);
  });

  // Runs the built package (npm test builds first), in a process of its own that exits mid-synth.
  test('process.exit in an aspect leaves no stack and no staging directory behind', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'exit-'));
    const script = `
      const { App, Aspects } = require('cdktf');
      const { EbsVolume } = require('@cdktf/provider-aws/lib/ebs-volume');
      const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
      const { TerraformStack } = require('cdktf');
      const { Guardrails } = require(${JSON.stringify(path.resolve(__dirname, '../../dist/index.js'))});
      const app = new App({ outdir: ${JSON.stringify(outdir)} });
      Guardrails.enforce(app);
      const first = new TerraformStack(app, 'first');
      new AwsProvider(first, 'aws', { region: 'eu-west-1' });
      new EbsVolume(first, 'v', { availabilityZone: 'a', encrypted: false });
      const second = new TerraformStack(app, 'second');
      new AwsProvider(second, 'aws', { region: 'eu-west-1' });
      Aspects.of(second).add({ visit: () => process.exit(0) });
      app.synth();`;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, CDKTF_GUARDRAILS_QUIET: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(stackDirFiles(outdir, 'first')).toEqual([]);
    expect(leftovers(outdir)).toEqual([]);
  });

  test('an aspect that changes app.outdir or the working directory mid-synth does not redirect the check', () => {
    const app = testApp();
    const outdir = app.outdir;
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', badVolume);
    const cwd = process.cwd();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'elsewhere-'));
    const redirect: IAspect = {
      visit: () => {
        (app as unknown as { outdir: string }).outdir = elsewhere;
        process.chdir(elsewhere);
      },
    };
    Aspects.of(stack).add(redirect);
    try {
      expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.existsSync(path.join(outdir, 'guardrails/report.json'))).toBe(true);
    expect(stackDirFiles(outdir)).toEqual([]);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  test('a custom synthesizer that writes past the session’s outdir is refused, and its file removed', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    const target = stackFile(app, 'main');
    (stack as unknown as { synthesizer: unknown }).synthesizer = {
      synthesize: (session: { manifest: Manifest }) => {
        session.manifest.forStack(stack);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, JSON.stringify(badJson));
      },
    };
    expect(() => app.synth()).toThrow(/wrote nothing into its working directory stacks\/main during synth/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('every way of synthesizing a guarded stack is checked', () => {
  test('the stack’s synthesizer called directly', () => {
    const app = testApp();
    const stack = awsStack(app);
    Guardrails.enforce(stack);
    new EbsVolume(stack, 'data', badVolume);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'direct-'));
    const manifest = new Manifest('0.21.0', outdir, false);
    expect(() => stack.synthesizer.synthesize({ outdir, manifest })).toThrow(GuardrailViolationError);
    expect(stackDirFiles(outdir)).toEqual([]);
  });

  test('the stack’s synthesizer called directly writes an accepted stack where asked', () => {
    const app = testApp();
    const stack = awsStack(app);
    Guardrails.enforce(app);
    new EbsVolume(stack, 'data', goodVolume);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'direct-'));
    const manifest = new Manifest('0.21.0', outdir, false);
    stack.synthesizer.synthesize({ outdir, manifest });
    expect(stackDirFiles(outdir)).toEqual(['cdk.tf.json']);
    expect(manifest.stacks.main.synthesizedStackPath).toBe(path.join('stacks', 'main', 'cdk.tf.json'));
  });

  test('stacks created after enforce get a guarded synthesizer too', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app, 'later');
    new EbsVolume(stack, 'data', badVolume);
    expect(() => Testing.fullSynth(stack)).toThrow(GuardrailViolationError);
  });

  test('Testing.synth of a guarded stack refuses a violating stack and returns a good one', () => {
    const app = Testing.app();
    const bad = awsStack(app, 'bad');
    new EbsVolume(bad, 'data', badVolume);
    const good = awsStack(app, 'good');
    new EbsVolume(good, 'data', goodVolume);
    Guardrails.enforce(app);
    expect(() => Testing.synth(bad)).toThrow(GuardrailViolationError);
    expect(JSON.parse(Testing.synth(good)).resource.aws_ebs_volume.data.encrypted).toBe(true);
  });

  test('Testing.synthHcl of a guarded stack checks the HCL it returns', () => {
    const app = Testing.app();
    const bad = awsStack(app, 'bad');
    new EbsVolume(bad, 'data', badVolume);
    const good = awsStack(app, 'good');
    new EbsVolume(good, 'data', goodVolume);
    Guardrails.enforce(app);
    expect(() => Testing.synthHcl(bad)).toThrow(GuardrailViolationError);
    expect(Testing.synthHcl(good)).toMatch(/resource "aws_ebs_volume" "data"/);
  });

  test('Testing.synthScope with guardrails enforced inside', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        Guardrails.enforce(scope as TerraformStack);
        new EbsVolume(scope, 'data', badVolume);
      }),
    ).toThrow(GuardrailViolationError);
  });

  test('Testing.synth honours Guardrails.suppress (its output has no metadata; the registry is used)', () => {
    const app = Testing.app();
    const stack = awsStack(app);
    const volume = new EbsVolume(stack, 'data', badVolume);
    Guardrails.enforce(app);
    Guardrails.suppress(volume, 'volume-encryption-required', { reason: 'scratch volume, no data at rest' });
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test('unguarded stacks are untouched by Testing and synthesizer guards', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'plain-')) });
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', badVolume);
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(() => Testing.fullSynth(stack)).not.toThrow();
    expect(synthError(app)).toBeUndefined();
  });
});

// Keep IConstruct in use for readers of the aspect type above.
export type { IConstruct };
