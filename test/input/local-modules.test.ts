/**
 * Local modules read by the CLI: a call whose source is a local directory is read (`*.tf` through the HCL
 * converter, `*.tf.json` as is) and its resources are checked under Terraform's addresses, with the call's
 * literal inputs; what is not literal stays unknown; what cannot be read is a clear error, never a pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { rewriteString } from '../../engine/input/module-expressions';
import { expandLocalModules, MAX_DEPTH } from '../../engine/input/local-modules';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { GuardrailInputError } from '../../engine/input/input-error';
import { cli, expectOneLineError, only, tempDir, writeFiles } from '../cli/harness';

const SSH = 'no-admin-ports-from-internet';
const ENCRYPTION = 'volume-encryption-required';
const MODULES = 'module-contents-unverified';
const PAB = 's3-public-access-block';

/** A security group module: SSH open to `var.cidr` (default: a private range). */
const SG_MODULE = `
variable "cidr" {
  type    = string
  default = "10.0.0.0/8"
}
variable "port" {
  type    = number
  default = 22
}
resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
`;

const VOLUME_MODULE = `
variable "encrypted" { type = bool }
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypted
}
`;

async function check(dir: string, rules: string[], extra: string[] = []) {
  const run = await cli(['check', '.', '--format', 'json', ...extra, ...only(...rules)], { cwd: dir });
  if (run.code === 2) throw new Error(run.stderr);
  const report = JSON.parse(run.stdout);
  return { code: run.code, report, found: report.violations.map((v: any) => `${v.ruleId} ${v.address} ${v.kind}`).sort() };
}

function project(files: Record<string, unknown>): string {
  return writeFiles(tempDir('local-modules-'), files);
}

describe('module expressions, as the caller sees them', () => {
  const lookup = (root: string, name: string) =>
    root === 'var' && name === 'cidr' ? { value: '0.0.0.0/0' } : root === 'var' && name === 'ports' ? { value: [22, 3389] } : undefined;
  const rewrite = { lookup, prefix: 'module.sg', resourceTypes: new Set(['aws_kms_key']) };

  test('a whole-value variable becomes its value, with its type', () => {
    expect(rewriteString('${var.ports}', rewrite)).toEqual([22, 3389]);
    expect(rewriteString('${ var.cidr }', rewrite)).toBe('0.0.0.0/0');
  });

  test('a whole interpolation of a string, number or bool is inlined; a list is not', () => {
    expect(rewriteString('from ${var.cidr}', rewrite)).toBe('from 0.0.0.0/0');
    expect(rewriteString('p-${var.ports}', rewrite)).toBe('p-${var.ports}');
  });

  test("references to the module's own objects get its address; scope roots and iterators do not", () => {
    expect(rewriteString('${aws_s3_bucket.b.id}', rewrite)).toBe('${module.sg.aws_s3_bucket.b.id}');
    expect(rewriteString('${data.aws_iam_policy_document.p.json}', rewrite)).toBe('${module.sg.data.aws_iam_policy_document.p.json}');
    expect(rewriteString('${module.inner.out}', rewrite)).toBe('${module.sg.module.inner.out}');
    expect(rewriteString('${lookup(local.m, "k", aws_x.y.id)}', rewrite)).toBe('${lookup(local.m, "k", module.sg.aws_x.y.id)}');
    expect(rewriteString('${each.value}-${count.index}-${path.module}', rewrite)).toBe('${each.value}-${count.index}-${path.module}');
    expect(rewriteString('${ingress.value.port}', rewrite)).toBe('${ingress.value.port}');
    expect(rewriteString('${aws_kms_key.key.arn}', rewrite)).toBe('${module.sg.aws_kms_key.key.arn}');
  });

  test('strings inside expressions are templates too; escapes stay literal', () => {
    expect(rewriteString('${format("%s-${aws_x.y.id}", var.cidr)}', rewrite)).toBe('${format("%s-${module.sg.aws_x.y.id}", var.cidr)}');
    expect(rewriteString('$${aws_x.y.id} and %%{x}', rewrite)).toBe('$${aws_x.y.id} and %%{x}');
    expect(rewriteString('%{ if aws_x.y.id != "" }a%{ endif }', rewrite)).toBe('%{ if module.sg.aws_x.y.id != "" }a%{ endif }');
  });

  test('an expression that cannot be scanned becomes one unknown expression', () => {
    const out = rewriteString('${jsonencode(<<EOT\nx\nEOT\n)}', rewrite);
    expect(out).toMatch(/^\$\{unscanned_expression\(/);
    expect(rewriteString('${aws_x.y.id', rewrite)).toMatch(/^\$\{unscanned_expression\(/);
  });
});

describe('local modules in the CLI', () => {
  test('a literal input is substituted: open to the internet fires, a private range is quiet', async () => {
    const open = project({ 'main.tf.json': { module: { sg: { source: './modules/sg', cidr: '0.0.0.0/0' } } }, 'modules/sg/main.tf': SG_MODULE });
    const fired = await check(open, [SSH, MODULES]);
    expect(fired.code).toBe(1);
    expect(fired.found).toEqual([`${SSH} module.sg.aws_security_group.ssh violation`]);
    expect(fired.report.violations[0].file).toBe('modules/sg/main.tf');

    const closed = project({ 'main.tf.json': { module: { sg: { source: './modules/sg', cidr: '10.1.0.0/16' } } }, 'modules/sg/main.tf': SG_MODULE });
    expect((await check(closed, [SSH, MODULES])).found).toEqual([]);
    // Not set: the variable's default.
    const byDefault = project({ 'main.tf.json': { module: { sg: { source: './modules/sg' } } }, 'modules/sg/main.tf': SG_MODULE });
    expect((await check(byDefault, [SSH, MODULES])).code).toBe(0);
  });

  test('locals are followed to the inputs they are made of', async () => {
    const dir = project({
      'main.tf.json': { module: { sg: { source: './sg', cidr: '0.0.0.0/0' } } },
      'sg/main.tf': `
variable "cidr" { type = string }
locals {
  from  = var.cidr
  cidrs = [local.from]
}
resource "aws_security_group" "ssh" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = local.cidrs
  }
}
`,
    });
    expect((await check(dir, [SSH])).found).toEqual([`${SSH} module.sg.aws_security_group.ssh violation`]);
  });

  test('hostile nesting (templates in templates, chains of locals) stays bounded: unknown, never a crash', async () => {
    let template = 'x';
    for (let i = 0; i < 5000; i++) template = `\${format("%s", "${template}")}`;
    const locals: Record<string, string> = { l0: '${var.enc}' };
    for (let i = 1; i < 5000; i++) locals[`l${i}`] = `\${local.l${i - 1}}`;
    const dir = project({
      'main.tf.json': { module: { m: { source: './m', enc: true } } },
      'm/main.tf.json': {
        variable: { enc: {} },
        locals,
        resource: { aws_ebs_volume: { a: { size: 1, encrypted: template }, b: { size: 1, encrypted: '${local.l4999}' } } },
      },
    });
    expect((await check(dir, [ENCRYPTION])).found).toEqual([
      `${ENCRYPTION} module.m.aws_ebs_volume.a unknown`,
      `${ENCRYPTION} module.m.aws_ebs_volume.b unknown`,
    ]);
  });

  test('a number input given as a string is converted to the declared type', async () => {
    const dir = project({ 'main.tf.json': { module: { sg: { source: './modules/sg', cidr: '0.0.0.0/0', port: '3389' } } }, 'modules/sg/main.tf': SG_MODULE });
    const { report } = await check(dir, [SSH]);
    expect(report.violations[0].message).toContain('3389');
  });

  test('an input that is an expression stays unknown', async () => {
    const dir = project({
      'main.tf.json': { variable: { enc: { type: 'bool' } }, module: { disk: { source: './modules/disk', encrypted: '${var.enc}' } } },
      'modules/disk/main.tf': VOLUME_MODULE,
    });
    expect((await check(dir, [ENCRYPTION])).found).toEqual([`${ENCRYPTION} module.disk.aws_ebs_volume.data unknown`]);
    const literal = project({ 'main.tf.json': { module: { disk: { source: './modules/disk', encrypted: true } } }, 'modules/disk/main.tf': VOLUME_MODULE });
    expect((await check(literal, [ENCRYPTION])).found).toEqual([]);
  });

  test('the call passes module-contents-unverified, saying where it was read from; a registry module stays unknown', async () => {
    const dir = project({
      'main.tf.json': { module: { sg: { source: './modules/sg' }, vpc: { source: 'terraform-aws-modules/vpc/aws', version: '5.8.1' } } },
      'modules/sg/main.tf': SG_MODULE,
    });
    const { found } = await check(dir, [MODULES]);
    expect(found).toEqual([`${MODULES} module.vpc unknown`]);
    const text = await cli(['check', '.', '--verbose', ...only(MODULES)], { cwd: dir });
    expect(text.stdout).not.toContain('module.sg ');
  });

  test('nested local modules: addresses module.a.module.b…, inputs passed down, a registry module inside stays unknown', async () => {
    const dir = project({
      'main.tf.json': { module: { app: { source: './modules/app', encrypt: false } } },
      'modules/app/main.tf': `
variable "encrypt" { type = bool }
module "disk" {
  source    = "../disk"
  encrypted = var.encrypt
}
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
`,
      'modules/disk/main.tf': VOLUME_MODULE,
    });
    const { found, report } = await check(dir, [ENCRYPTION, MODULES]);
    expect(found).toEqual([`${MODULES} module.app.module.vpc unknown`, `${ENCRYPTION} module.app.module.disk.aws_ebs_volume.data violation`]);
    expect(report.violations.find((v: any) => v.ruleId === ENCRYPTION).file).toBe('modules/disk/main.tf');
  });

  test('*.tf.json module files and override files are read as Terraform reads them', async () => {
    const dir = project({
      'main.tf.json': { module: { disk: { source: './modules/disk' } } },
      'modules/disk/main.tf.json': { resource: { aws_ebs_volume: { data: { availability_zone: 'a', size: 1, encrypted: true } } } },
      'modules/disk/disk_override.tf': 'resource "aws_ebs_volume" "data" {\n  encrypted = false\n}\n',
    });
    expect((await check(dir, [ENCRYPTION])).found).toEqual([`${ENCRYPTION} module.disk.aws_ebs_volume.data violation`]);
  });

  test('count and for_each: one copy per literal instance, none for zero, [*] for an expression', async () => {
    const module = `
variable "encrypted" { type = bool }
resource "aws_ebs_volume" "data" {
  availability_zone = "a"
  size              = 1
  encrypted         = var.encrypted
}
`;
    const dir = project({
      'main.tf.json': {
        variable: { n: { type: 'number' } },
        module: {
          none: { source: './m', count: 0, encrypted: false },
          two: { source: './m', count: 2, encrypted: '${count.index == 0}' },
          each: { source: './m', for_each: { a: false, b: true }, encrypted: '${each.value}' },
          some: { source: './m', count: '${var.n}', encrypted: false },
        },
      },
      'm/main.tf': module,
    });
    expect((await check(dir, [ENCRYPTION])).found).toEqual([
      `${ENCRYPTION} module.each["a"].aws_ebs_volume.data violation`,
      `${ENCRYPTION} module.some[*].aws_ebs_volume.data violation`,
      `${ENCRYPTION} module.two[0].aws_ebs_volume.data unknown`,
      `${ENCRYPTION} module.two[1].aws_ebs_volume.data unknown`,
    ]);
  });

  test("a module's references to its own resources are never resolved to a root resource of the same name", async () => {
    const dir = project({
      'main.tf.json': { resource: { aws_s3_bucket: { b: { bucket: 'root-bucket' } } }, module: { logs: { source: './logs' } } },
      'logs/main.tf': `
resource "aws_s3_bucket" "b" { bucket = "module-bucket" }
resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
    });
    // Unrewritten, the module's block would cover the root bucket. Rewritten to `module.logs.aws_s3_bucket.b.id`,
    // it names the module's bucket, which it covers; the root bucket has none.
    const { found } = await check(dir, [PAB]);
    expect(found).toEqual([`${PAB} aws_s3_bucket.b violation`]);
  });

  test("a module's user data may carry its own single-use join key, and no reusable one", async () => {
    const relay = (reusable: boolean) => `
resource "tailscale_tailnet_key" "join" {
  reusable      = ${reusable}
  preauthorized = true
  tags          = ["tag:relay"]
  expiry        = 3600
}
resource "digitalocean_droplet" "relay" {
  image     = "debian-12-x64"
  name      = "relay"
  region    = "ams3"
  size      = "s-1vcpu-1gb"
  user_data = "#!/bin/sh\\ntailscale up --auth-key=\${tailscale_tailnet_key.join.key}\\n"
}
`;
    const secrets = 'no-secrets-in-user-data';
    for (const [reusable, expected] of [
      [false, []],
      [true, [`${secrets} module.relay.digitalocean_droplet.relay violation`]],
    ] as const) {
      const dir = project({ 'main.tf.json': { module: { relay: { source: './relay' } } }, 'relay/main.tf': relay(reusable) });
      expect((await check(dir, [secrets])).found).toEqual(expected);
    }
  });

  test('providers passed to the module become the provider of its resources', () => {
    const dir = project({
      'm/main.tf': 'resource "aws_ebs_volume" "a" {\n  availability_zone = "a"\n  size = 1\n}\n',
    });
    const stack = stackFromTerraformJson({ module: { m: { source: './m', providers: { aws: 'aws.east' } } } }, { stack: 's' });
    const expanded = expandLocalModules(stack, { dir, label: '.', symlinks: 'follow' });
    expect(expanded.stack.resources.map((r) => [r.address, r.body.provider, r.readFrom])).toEqual([
      ['module.m', undefined, 'm'],
      ['module.m.aws_ebs_volume.a', 'aws.east', undefined],
    ]);
  });

  test('the construct path of the call is the construct path of what the module creates', () => {
    const dir = project({ 'm/main.tf.json': { resource: { aws_ebs_volume: { a: { size: 1 } } } } });
    const stack = stackFromTerraformJson({ module: { m: { source: './m', '//': { metadata: { path: 'main/m' } } } } }, { stack: 's' });
    const [, volume] = expandLocalModules(stack, { dir, label: '.', symlinks: 'follow' }).stack.resources;
    expect(volume).toMatchObject({ address: 'module.m.aws_ebs_volume.a', constructPath: 'main/m', ownedByConstruct: true });
  });
});

describe('local modules that cannot be read are clear errors', () => {
  const errorOf = async (files: Record<string, unknown>) => cli(['check', '.', ...only(MODULES)], { cwd: project(files) });

  test('a missing directory names the call and the path', async () => {
    const run = await errorOf({ 'main.tf.json': { module: { net: { source: './modules/net' } } } });
    expectOneLineError(run, /module\.net has the local source "\.\/modules\/net", the directory modules\/net, which does not exist/);
  });

  test('a file where a directory should be, and a directory with no configuration', async () => {
    expectOneLineError(await errorOf({ 'main.tf.json': { module: { net: { source: './net' } } }, net: 'x' }), /which is not a directory/);
    const empty = project({ 'main.tf.json': { module: { net: { source: './net' } } } });
    fs.mkdirSync(path.join(empty, 'net'));
    expectOneLineError(
      await cli(['check', '.', ...only(MODULES)], { cwd: empty }),
      /^cdktf-guardrails: net: holds no Terraform configuration file.*module\.net/,
    );
  });

  test('a module that calls itself is a cycle', async () => {
    const run = await errorOf({
      'main.tf.json': { module: { a: { source: './a' } } },
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    expectOneLineError(
      run,
      /module\.a\.module\.b\.module\.a calls the local module "\.\.\/a", which is the directory of a module it is inside \(a module cycle\)/,
    );
  });

  test(`nesting deeper than ${MAX_DEPTH} is refused`, async () => {
    const files: Record<string, unknown> = { 'main.tf.json': { module: { m: { source: './m0' } } } };
    for (let i = 0; i <= MAX_DEPTH; i++) files[`m${i}/main.tf.json`] = { module: { m: { source: `../m${i + 1}` } } };
    files[`m${MAX_DEPTH + 1}/main.tf.json`] = { resource: { aws_ebs_volume: { v: { size: 1 } } } };
    expectOneLineError(await errorOf(files), new RegExp(`nests local modules more than ${MAX_DEPTH} deep`));
  });

  test('HCL that does not parse names the file and the call', async () => {
    const run = await errorOf({ 'main.tf.json': { module: { m: { source: './m' } } }, 'm/main.tf': 'resource "aws_ebs_volume" "v" {' });
    expectOneLineError(run, /^cdktf-guardrails: m\/main\.tf: cannot be read as HCL: .*\(module module\.m, source "\.\/m"\)/);
  });

  test('an argument the module does not declare, and a required variable not set', async () => {
    const module = 'variable "size" { type = number }\n';
    expectOneLineError(
      await errorOf({ 'main.tf.json': { module: { m: { source: './m', size: 1, szie: 2 } } }, 'm/main.tf': module }),
      /sets "szie", which m does not declare/,
    );
    expectOneLineError(
      await errorOf({ 'main.tf.json': { module: { m: { source: './m' } } }, 'm/main.tf': module }),
      /does not set the variable "size", which has no default/,
    );
  });

  test('a symbolic link to a module directory: followed by the CLI, refused where links are refused (synth)', async () => {
    const dir = project({ 'main.tf.json': { module: { m: { source: './link' } } }, 'real/main.tf.json': { resource: { aws_ebs_volume: { v: { size: 1 } } } } });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    expect((await cli(['check', '.', ...only(ENCRYPTION)], { cwd: dir })).stdout).toContain('module.m.aws_ebs_volume.v');
    const stack = stackFromTerraformJson({ module: { m: { source: './link' } } }, { stack: 's' });
    expect(() => expandLocalModules(stack, { dir, label: 'stacks/s', symlinks: 'refuse' })).toThrow(GuardrailInputError);
    expect(() => expandLocalModules(stack, { dir, label: 'stacks/s', symlinks: 'refuse' })).toThrow(/which is a symbolic link/);
  });

  test('suppression records written into a module are refused, not honoured', async () => {
    const run = await errorOf({
      'main.tf.json': { module: { m: { source: './m' } } },
      'm/main.tf.json': {
        '//': { guardrails: { suppressions: [{ ruleId: ENCRYPTION, scope: '', reason: 'written by hand into a module' }] } },
        resource: { aws_ebs_volume: { v: { size: 1 } } },
      },
    });
    expectOneLineError(run, /module\.m has the local source "\.\/m", the directory m, which carries suppression records/);
  });

  test('an aliased provider the call does not pass', async () => {
    const run = await errorOf({
      'main.tf.json': { module: { m: { source: './m' } } },
      'm/main.tf': 'resource "aws_ebs_volume" "v" {\n  provider = aws.east\n  size = 1\n}\n',
    });
    expectOneLineError(run, /uses the provider configuration aws\.east, which the call does not pass/);
  });
});

describe('approved local modules', () => {
  test('a local module on approvedModules is still read (its resources checked) and its approval audited', async () => {
    const dir = project({
      'main.tf.json': { module: { sg: { source: './modules/sg', cidr: '0.0.0.0/0' } } },
      'modules/sg/main.tf': SG_MODULE,
      'approved.json': [{ source: './modules/sg', reason: 'our own module, reviewed with every change' }],
    });
    const { found, report } = await check(dir, [SSH, MODULES], ['--approved-modules', 'approved.json']);
    expect(found).toEqual([`${SSH} module.sg.aws_security_group.ssh violation`]);
    expect(report.approvedModules).toEqual([expect.objectContaining({ address: 'module.sg', source: './modules/sg' })]);
  });
});
