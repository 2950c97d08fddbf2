/**
 * A TerraformHclModule on a local directory, in a real cdktf app: cdktf copies the directory into the
 * stack's `assets/__cdktf_module_asset_…/<hash>/` and writes that path as the call's source. The guarded
 * synth and the CLI read it there, and check what the module creates with the inputs the app gives it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformHclModule, TerraformStack, TerraformVariable } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Guardrails, GuardrailViolationError } from '../../index';
import { loadInputs } from '../../engine/input/load-inputs';
import { checkStack } from '../../aspects/check-stack';
import { readReport, synthError } from '../helpers/app';
import { cli, only, writeFiles } from '../cli/harness';
import { describeWithTerraform, initValidatePlan } from '../helpers/terraform';

const SSH = 'no-admin-ports-from-internet';
const ENCRYPTION = 'volume-encryption-required';
const MODULES = 'module-contents-unverified';

const SG_MODULE = `
variable "cidr" { type = string }
resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
`;

const APP_MODULE = `
variable "encrypted" { type = bool }
module "disk" {
  source    = "../disk"
  encrypted = var.encrypted
}
`;

const DISK_MODULE = `
variable "encrypted" { type = bool }
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypted
}
`;

/** A project directory with `modules/{sg,app,disk}`; sources as cdktf wants them, relative to the working directory. */
function modules(): { sg: string; app: string; disk: string } {
  const dir = writeFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'hcl-modules-')), {
    'modules/sg/main.tf': SG_MODULE,
    'modules/app/main.tf': APP_MODULE,
    'modules/disk/main.tf': DISK_MODULE,
  });
  const source = (name: string) => `./${path.relative(process.cwd(), path.join(dir, 'modules', name))}`.replace(/^\.\/\.\.\//, '../');
  return { sg: source('sg'), app: source('app'), disk: source('disk') };
}

/** An App that may use local modules (cdktf needs their sources in the `cdktfRelativeModules` context). */
function moduleApp(sources: readonly string[]): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-test-'));
  return new App({ outdir, context: { cdktfRelativeModules: sources } });
}

function stackOf(app: App, plan = false): TerraformStack {
  const stack = new TerraformStack(app, 'main');
  new AwsProvider(stack, 'aws', {
    region: 'eu-west-1',
    ...(plan
      ? {
          accessKey: 'AKIAFAKEFAKEFAKEFAKE',
          secretKey: 'fake-secret-for-offline-plan',
          skipCredentialsValidation: true,
          skipRequestingAccountId: true,
          skipMetadataApiCheck: 'true',
        }
      : {}),
  });
  return stack;
}

async function checkOutdir(outdir: string, ...rules: string[]) {
  const run = await cli(['check', outdir, '--format', 'json', ...only(...rules)]);
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, found: JSON.parse(run.stdout).violations.map((v: any) => `${v.ruleId} ${v.address} ${v.kind}`) };
}

describe('a TerraformHclModule on a local directory', () => {
  const mods = modules();

  test('cdktf writes the module as an asset of the stack; its source points there', () => {
    const app = moduleApp([mods.sg]);
    new TerraformHclModule(stackOf(app), 'sg', { source: mods.sg, variables: { cidr: '10.0.0.0/8' } });
    app.synth();
    const config = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks/main/cdk.tf.json'), 'utf8'));
    // One module: the asset is its directory; several: their lowest common directory, and the source goes on into it.
    expect(config.module.sg.source).toMatch(/^\.\/assets\/__cdktf_module_asset_[0-9A-F]+\/[0-9A-F]{32}$/);
    expect(fs.readFileSync(path.join(app.outdir, 'stacks/main', config.module.sg.source, 'main.tf'), 'utf8')).toBe(SG_MODULE);
  });

  test('an insecure resource inside it refuses synth, at its module address and owned by the module construct', () => {
    const app = moduleApp([mods.sg]);
    Guardrails.enforce(app);
    new TerraformHclModule(stackOf(app), 'sg', { source: mods.sg, variables: { cidr: '0.0.0.0/0' } });
    const error = synthError(app);
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect(error.violations).toEqual([
      expect.objectContaining({
        ruleId: SSH,
        kind: 'violation',
        address: 'module.sg.aws_security_group.ssh',
        constructPath: 'main/sg',
        file: expect.stringMatching(/^stacks\/main\/assets\/__cdktf_module_asset_[0-9A-F]+\/[0-9A-F]{32}\/main\.tf$/),
      }),
    ]);
    expect(fs.existsSync(path.join(app.outdir, 'stacks/main/cdk.tf.json'))).toBe(false);
  });

  test('the same app, synthesized without guardrails, is refused by the CLI on cdktf.out; a secure one passes both', async () => {
    const insecure = moduleApp([mods.sg]);
    new TerraformHclModule(stackOf(insecure), 'sg', { source: mods.sg, variables: { cidr: '0.0.0.0/0' } });
    insecure.synth();
    expect(await checkOutdir(insecure.outdir, SSH, MODULES)).toEqual({ code: 1, found: [`${SSH} module.sg.aws_security_group.ssh violation`] });

    const secure = moduleApp([mods.sg]);
    Guardrails.enforce(secure, { rules: { 'required-tags': 'off' } });
    new TerraformHclModule(stackOf(secure), 'sg', { source: mods.sg, variables: { cidr: '10.0.0.0/8' } });
    expect(synthError(secure)).toBeUndefined();
    expect(readReport(secure).violations).toEqual([]);
    expect(await checkOutdir(secure.outdir, SSH, MODULES)).toEqual({ code: 0, found: [] });
  });

  test('an input that is a token stays unknown', () => {
    const app = moduleApp([mods.sg]);
    Guardrails.enforce(app);
    const stack = stackOf(app);
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' });
    new TerraformHclModule(stack, 'sg', { source: mods.sg, variables: { cidr: cidr.stringValue } });
    expect(synthError(app).violations).toEqual([expect.objectContaining({ ruleId: SSH, kind: 'unknown', address: 'module.sg.aws_security_group.ssh' })]);
  });

  test('a suppression on the module construct covers what the module creates, and is audited', () => {
    const app = moduleApp([mods.sg]);
    Guardrails.enforce(app);
    const sg = new TerraformHclModule(stackOf(app), 'sg', { source: mods.sg, variables: { cidr: '0.0.0.0/0' } });
    Guardrails.suppress(sg, SSH, { reason: 'bastion, replaced by SSM in OPS-12' });
    expect(synthError(app)).toBeUndefined();
    expect(readReport(app).suppressed.map((s: any) => s.address)).toEqual(['module.sg.aws_security_group.ssh']);
  });

  test('nested local modules are read inside the asset; one cdktf did not copy is a clear refusal', () => {
    const app = moduleApp([mods.app, mods.disk]);
    Guardrails.enforce(app);
    new TerraformHclModule(stackOf(app), 'app', { source: mods.app, variables: { encrypted: false } });
    expect(synthError(app).violations).toEqual([
      expect.objectContaining({ ruleId: ENCRYPTION, address: 'module.app.module.disk.aws_ebs_volume.data', constructPath: 'main/app' }),
    ]);

    // cdktf copies only the modules listed in cdktfRelativeModules: `../disk` is not in the asset.
    const missing = moduleApp([mods.app]);
    Guardrails.enforce(missing);
    new TerraformHclModule(stackOf(missing), 'app', { source: mods.app, variables: { encrypted: true } });
    expect(() => missing.synth()).toThrow(
      /stack 'main' cannot be checked: stacks\/main: module\.app\.module\.disk has the local source "\.\.\/disk", .* which does not exist/,
    );
  });

  test('a source outside the stack directory (skipAssetCreationFromLocalModules) is resolved from where Terraform runs, not the staging directory', async () => {
    const project = writeFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'outside-')), { 'modules/sg/main.tf': SG_MODULE });
    const build = (enforce: boolean) => {
      const app = new App({ outdir: path.join(project, enforce ? 'guarded.out' : 'cdktf.out') });
      if (enforce) Guardrails.enforce(app);
      new TerraformHclModule(stackOf(app), 'sg', { source: '../../../modules/sg', skipAssetCreationFromLocalModules: true, variables: { cidr: '0.0.0.0/0' } });
      return app;
    };
    expect(synthError(build(true)).violations).toEqual([
      expect.objectContaining({ ruleId: SSH, address: 'module.sg.aws_security_group.ssh', file: '../modules/sg/main.tf' }),
    ]);
    const plain = build(false);
    plain.synth();
    expect(await checkOutdir(plain.outdir, SSH, MODULES)).toEqual({ code: 1, found: [`${SSH} module.sg.aws_security_group.ssh violation`] });
  });

  test('with hclOutput the module block in cdk.tf is read the same way', () => {
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-test-'));
      const app = new App({ outdir, hclOutput: true, context: { cdktfRelativeModules: [mods.sg] } });
      Guardrails.enforce(app);
      new TerraformHclModule(stackOf(app), 'sg', { source: mods.sg, variables: { cidr: '0.0.0.0/0' } });
      expect(synthError(app).violations).toEqual([expect.objectContaining({ ruleId: SSH, kind: 'violation', address: 'module.sg.aws_security_group.ssh' })]);
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  });

  test('checkStack (the jest matchers) reads local modules too', () => {
    const app = moduleApp([mods.sg]);
    const stack = stackOf(app);
    new TerraformHclModule(stack, 'sg', { source: mods.sg, variables: { cidr: '0.0.0.0/0' } });
    const result = checkStack(stack);
    expect(result.violations.filter((v) => v.ruleId === SSH).map((v) => v.address)).toEqual(['module.sg.aws_security_group.ssh']);
    expect(result.violations.filter((v) => v.ruleId === MODULES)).toEqual([]);
  });
});

describeWithTerraform('local module addresses match terraform plan', (setup) => {
  test('count, for_each and nested modules: the same addresses as `terraform show -json`', async () => {
    const mods = modules();
    const app = moduleApp([mods.app, mods.disk, mods.sg]);
    const stack = stackOf(app, true);
    new TerraformHclModule(stack, 'app', { source: mods.app, variables: { encrypted: true } });
    new TerraformHclModule(stack, 'sgs', { source: mods.sg, variables: { cidr: '10.0.0.0/8' } }).addOverride('count', 2);
    new TerraformHclModule(stack, 'disks', { source: mods.disk, variables: { encrypted: '${each.value}' } }).addOverride('for_each', { a: true, b: false });
    app.synth();
    const stackDir = path.join(app.outdir, 'stacks', 'main');

    const loaded = await loadInputs([app.outdir], { cwd: process.cwd() });
    const ours = loaded.stacks[0].resources.filter((r) => r.mode === 'managed').map((r) => r.address);
    const plan = initValidatePlan(setup(), stackDir) as { resource_changes: { address: string; mode: string }[] };
    const theirs = plan.resource_changes.filter((r) => r.mode === 'managed').map((r) => r.address);
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(theirs).toEqual(
      expect.arrayContaining(['module.app.module.disk.aws_ebs_volume.data', 'module.sgs[1].aws_security_group.ssh', 'module.disks["b"].aws_ebs_volume.data']),
    );
  }, 180000);
});
