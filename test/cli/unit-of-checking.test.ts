/**
 * The CLI checks what Terraform reads: a stack is its whole working directory, every *.tf.json merged as
 * Terraform merges them; anything in it that cannot be read as Terraform would read it is exit 2.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { ENCRYPTION, cdktfOut, cdktfStack, cli, expectOneLineError, only, tempDir, writeFiles } from './harness';

let dir: string;
const check = (...argv: string[]) => cli(['check', ...argv, '--format', 'json', ...only(ENCRYPTION)], { cwd: dir });
const vol = (extra: Record<string, unknown>) => ({ availability_zone: 'eu-west-1a', size: 10, ...extra });
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { violations: { address: string; file?: string }[] }).violations.map((v) => `${v.address} ${v.file}`);

beforeEach(() => {
  dir = tempDir('unit-of-checking-');
});

describe('a cdktf output: each stack is its working directory', () => {
  test('a file beside cdk.tf.json is checked with the stack', async () => {
    cdktfOut(dir, { main: cdktfStack('main', { aws_ebs_volume: { ok: vol({ encrypted: true }) } }) });
    writeFiles(dir, { 'stacks/main/extra.tf.json': { resource: { aws_ebs_volume: { sneaky: vol({ encrypted: false }) } } } });
    const run = await check('.');
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual(['aws_ebs_volume.sneaky stacks/main/extra.tf.json']);
  });

  test('an override file beside cdk.tf.json changes what is checked', async () => {
    cdktfOut(dir, { main: cdktfStack('main', { aws_ebs_volume: { data: vol({ encrypted: true }) } }) });
    writeFiles(dir, { 'stacks/main/main_override.tf.json': { resource: { aws_ebs_volume: { data: { encrypted: false } } } } });
    const run = await check('.');
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual(['aws_ebs_volume.data stacks/main/cdk.tf.json']);
  });

  test('a cdk.tf.json given alone while Terraform reads an override beside it is exit 2, naming the directory', async () => {
    cdktfOut(dir, { main: cdktfStack('main', { aws_ebs_volume: { data: vol({ encrypted: true }) } }) });
    writeFiles(dir, { 'stacks/main/main_override.tf.json': { resource: { aws_ebs_volume: { data: { encrypted: false } } } } });
    expectOneLineError(
      await check('stacks/main/cdk.tf.json'),
      'stacks/main/cdk.tf.json: is read by Terraform together with main_override.tf.json in stacks/main',
      '`check stacks/main`',
    );
    // Alone in its directory (or beside files Terraform ignores), a file is its module.
    fs.rmSync(path.join(dir, 'stacks/main/main_override.tf.json'));
    writeFiles(dir, { 'stacks/main/.hidden.tf.json': { resource: { aws_ebs_volume: { x: vol({}) } } }, 'stacks/main/notes.json': {} });
    expect((await check('stacks/main/cdk.tf.json')).code).toBe(0);
  });

  test('an HCL file in a stack directory is exit 2: Terraform would apply it unchecked', async () => {
    cdktfOut(dir, { main: cdktfStack('main', { aws_ebs_volume: { ok: vol({ encrypted: true }) } }) });
    writeFiles(dir, { 'stacks/main/evil.tf': 'resource "aws_ebs_volume" "x" { encrypted = false }\n' });
    expectOneLineError(await check('.'), 'stacks/main/evil.tf: is HCL (.tf)');
  });

  test('files Terraform ignores are ignored, and subdirectories (assets) are not configuration', async () => {
    cdktfOut(dir, { main: cdktfStack('main', { aws_ebs_volume: { ok: vol({ encrypted: true }) } }) });
    writeFiles(dir, {
      'stacks/main/.hidden.tf.json': { resource: { aws_ebs_volume: { x: vol({}) } } },
      'stacks/main/#lock.tf.json#': 'not json',
      'stacks/main/main.tf.json~': 'not json',
      'stacks/main/assets/a/b.tf.json': { resource: { aws_ebs_volume: { x: vol({}) } } },
    });
    expect((await check('.')).code).toBe(0);
  });

  test.each([
    ['../elsewhere/cdk.tf.json', 'outside the output directory'],
    ['/etc/cdk.tf.json', 'outside the output directory'],
    ['cdk.tf.json', 'outside the output directory'],
  ])('a manifest whose stack path is %s is exit 2', async (stackPath, fragment) => {
    writeFiles(dir, { 'out/manifest.json': { version: '0.21.0', stacks: { main: { name: 'main', synthesizedStackPath: stackPath } } } });
    writeFiles(dir, { 'elsewhere/cdk.tf.json': { terraform: {} } });
    expectOneLineError(await check('out'), "out/manifest.json: stack 'main'", fragment);
  });

  test('a manifest whose stack directory is a symbolic link out of the outdir is exit 2', async () => {
    writeFiles(dir, {
      'harmless/cdk.tf.json': { terraform: {} },
      'out/manifest.json': { version: '0.21.0', stacks: { main: { name: 'main', synthesizedStackPath: 'stacks/main/cdk.tf.json' } } },
    });
    fs.mkdirSync(path.join(dir, 'out/stacks'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'harmless'), path.join(dir, 'out/stacks/main'));
    expectOneLineError(await check('out'), 'through a symbolic link');
  });
});

describe("Terraform's merge of a module", () => {
  test('the same resource in two files is exit 2 (Terraform rejects it; either copy alone is not what runs)', async () => {
    writeFiles(dir, {
      'm/a.tf.json': { resource: { aws_ebs_volume: { data: vol({ encrypted: true }) } } },
      'm/b.tf.json': { resource: { aws_ebs_volume: { data: vol({ encrypted: false }) } } },
    });
    expectOneLineError(await check('m'), 'defines the resource aws_ebs_volume.data in m/a.tf.json and in m/b.tf.json');
  });

  test('an override of a resource no file defines is exit 2', async () => {
    writeFiles(dir, {
      'm/a.tf.json': { resource: { aws_ebs_volume: { data: vol({ encrypted: true }) } } },
      'm/override.tf.json': { resource: { aws_ebs_volume: { ghost: { encrypted: true } } } },
    });
    expectOneLineError(await check('m'), 'm/override.tf.json: overrides the resource aws_ebs_volume.ghost');
  });

  test('a nested block in an override replaces every block of its type; other arguments stay', async () => {
    writeFiles(dir, {
      'm/a.tf.json': {
        resource: {
          aws_instance: {
            web: {
              ami: 'ami-1',
              instance_type: 't3.micro',
              root_block_device: { encrypted: true },
              ebs_block_device: [{ device_name: '/dev/sdb', encrypted: true }],
            },
          },
        },
      },
      'm/z_override.tf.json': { resource: { aws_instance: { web: { ebs_block_device: [{ device_name: '/dev/sdc', encrypted: false }] } } } },
    });
    const run = await check('m');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).violations.map((v: { attribute?: string }) => v.attribute)).toEqual([expect.stringContaining('ebs_block_device')]);
  });

  test('override files apply after all others, in name order', async () => {
    writeFiles(dir, {
      'm/a_override.tf.json': { resource: { aws_ebs_volume: { data: { encrypted: false } } } },
      'm/b_override.tf.json': { resource: { aws_ebs_volume: { data: { encrypted: true } } } },
      'm/z.tf.json': { resource: { aws_ebs_volume: { data: vol({}) } } },
    });
    expect((await check('m')).code).toBe(0);
  });

  test('a key repeated in one JSON object is exit 2: Terraform keeps both blocks, JSON.parse the last', async () => {
    const text = `{"resource": {"aws_ebs_volume": {"bad": {"availability_zone": "a", "encrypted": false}}},
 "resource": {"aws_ebs_volume": {"good": {"availability_zone": "a", "encrypted": true}}}}`;
    writeFiles(dir, { 'dup.json': text });
    expectOneLineError(await check('dup.json'), 'dup.json: repeats the key "resource" in one object at line 2, column 2');
  });

  test('a repeated key deep inside a plan is exit 2 too', async () => {
    writeFiles(dir, { 'plan.json': '{"format_version": "1.2", "resource_changes": [{"change": {"after": {"encrypted": false, "encrypted": true}}}]}' });
    expectOneLineError(await check('plan.json'), 'plan.json: repeats the key "encrypted"');
  });
});

describe('only regular files are read, and never more than the cap', () => {
  test('a FIFO is exit 2 at once, not a hang', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    expectOneLineError(await check('pipe.json'), 'pipe.json: is a FIFO (named pipe), not a regular file');
  });

  test('a FIFO in a module directory is exit 2', async () => {
    writeFiles(dir, { 'm/a.tf.json': { terraform: {} } });
    execFileSync('mkfifo', [path.join(dir, 'm/b.tf.json')]);
    expectOneLineError(await check('m'), 'm/b.tf.json: is not a regular file');
  });

  test('a symbolic link to a device is exit 2, not an endless read', async () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    expectOneLineError(await check('zero.json'), 'zero.json: is a character device, not a regular file');
  });

  test('a symbolic link to a regular file is read', async () => {
    writeFiles(dir, { 'real.json': { resource: { aws_ebs_volume: { v: vol({}) } } } });
    fs.symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.json'));
    expect((await check('link.json')).code).toBe(1);
  });

  test('a file over the cap is exit 2 naming the cap and how to raise it', async () => {
    writeFiles(dir, { 'big.json': { resource: { aws_ebs_volume: { v: vol({ encrypted: true, pad: 'x'.repeat(2 * 1024 * 1024) }) } } } });
    expectOneLineError(await check('big.json', '--max-input-mb', '1'), 'big.json: is larger than the input size cap', '> 1 MiB', '--max-input-mb');
    expect((await check('big.json', '--max-input-mb', '3')).code).toBe(0);
  });

  test('stdin over the cap is exit 2', async () => {
    const text = JSON.stringify({ resource: { aws_ebs_volume: { v: vol({ pad: 'x'.repeat(2 * 1024 * 1024) }) } } });
    const run = await cli(['check', '-', '--max-input-mb', '1', ...only(ENCRYPTION)], { cwd: dir, stdin: text });
    expectOneLineError(run, 'stdin: is larger than the input size cap');
  });

  test('a cap that is not a positive number of MiB within the limit is a usage error', async () => {
    writeFiles(dir, { 'ok.json': { terraform: {} } });
    expectOneLineError(await check('ok.json', '--max-input-mb', 'lots'), '--max-input-mb');
    expectOneLineError(await check('ok.json', '--max-input-mb', '4096'), '--max-input-mb', 'at most 500');
  });
});
