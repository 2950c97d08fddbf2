/**
 * Reading files and directories as Terraform would, pinned by behaviour (each case kills a mutant that a
 * looser test let live): regular files only, read whole, capped exactly, no descriptor left open; the
 * files Terraform reads in a directory, in its order; override semantics.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { GuardrailInputError } from '../../engine/input/input-error';
import { mergeModule, overrideBody } from '../../engine/input/merge-module';
import { firstRepeatedKey, readRegularFile, tooLarge } from '../../engine/input/read-json';
import { isIgnoredByTerraform, terraformFiles } from '../../engine/input/terraform-directory';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { inputProblem } from '../helpers/input-problem';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-files-'));
});

const problem = inputProblem;

describe('readRegularFile', () => {
  test('reads a file whose reported size is 0 (procfs) whole, not cut at the stat size', () => {
    const text = readRegularFile('/proc/self/status', 'status');
    expect(text).toMatch(/^Name:/);
    expect(text.length).toBeGreaterThan(200);
  });

  test('a file of exactly the cap is read; one byte more is refused', () => {
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, 'x'.repeat(1000));
    expect(readRegularFile(file, 'f', { maxBytes: 1000 })).toHaveLength(1000);
    expect(problem(() => readRegularFile(file, 'f', { maxBytes: 999 }))).toBe(`f: ${tooLarge(1000, 999)}`);
  });

  test('the cap message names the size, the cap and how to raise it', () => {
    expect(tooLarge(3 * 1024 * 1024, 1024 * 1024, '--max-input-mb')).toBe(
      'is larger than the input size cap (at least 3 MiB > 1 MiB); raise it with --max-input-mb (at most 500 MiB)',
    );
    expect(tooLarge(1536 * 1024, 1024 * 1024)).toBe('is larger than the input size cap (2 MiB > 1 MiB)');
    expect(tooLarge(600, 500)).toBe('is larger than the input size cap (600 bytes > 500 bytes)');
    expect(tooLarge(1000, 500)).toBe('is larger than the input size cap (at least 1000 bytes > 500 bytes)');
  });

  test.each([
    ['a FIFO', (f: string) => execFileSync('mkfifo', [f]), 'is a FIFO (named pipe), not a regular file; only regular files are read'],
    ['a character device', (f: string) => fs.symlinkSync('/dev/null', f), 'is a character device, not a regular file; only regular files are read'],
    ['a directory', (f: string) => fs.mkdirSync(f), 'is a directory, not a file'],
    ['missing', () => undefined, 'does not exist'],
  ])('%s is refused with exactly its own message', (_what, make, message) => {
    const file = path.join(dir, 'x.tf.json');
    make(file);
    expect(problem(() => readRegularFile(file, 'x.tf.json'))).toBe(`x.tf.json: ${message}`);
  });

  test('a socket is refused', async () => {
    const file = path.join(dir, 'sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(file, resolve));
    try {
      expect(problem(() => readRegularFile(file, 'sock'))).toMatch(/^sock: (is a socket, not a regular file|is a socket or a device with nothing behind it)/);
    } finally {
      server.close();
    }
  });

  test('no file descriptor is left open, whether the read succeeds or is refused', () => {
    const good = path.join(dir, 'good');
    fs.writeFileSync(good, '{}');
    const openFds = () => fs.readdirSync('/proc/self/fd').length;
    const before = openFds();
    for (let i = 0; i < 50; i++) {
      readRegularFile(good, 'good');
      expect(() => readRegularFile(good, 'good', { maxBytes: 1 })).toThrow(GuardrailInputError);
    }
    expect(openFds()).toBe(before);
  });
});

describe('firstRepeatedKey', () => {
  test('names the first repeated key, not a later one', () => {
    expect(firstRepeatedKey('{"a": 1, "b": 2, "a": 3, "b": 4}')).toEqual({ key: 'a', offset: 17 });
    expect(firstRepeatedKey('{"x": {"k": 1, "k": 2}, "y": 1, "y": 2}')?.key).toBe('k');
    expect(firstRepeatedKey('[{"a": 1}, {"a": 2}]')).toBeUndefined();
  });
});

describe('the files Terraform reads in a directory', () => {
  test.each([
    ['.hidden.tf.json', true],
    ['main.tf.json~', true],
    ['#main.tf.json#', true],
    ['#main.tf.json', false],
    ['main.tf.json#', false],
    ['main#.tf.json', false],
    ['~main.tf.json', false],
    ['main.tf.json', false],
  ])('%s ignored: %s', (name, ignored) => {
    expect(isIgnoredByTerraform(name)).toBe(ignored);
  });

  test('primary files in name order, then override files in name order; only .tf and .tf.json', () => {
    // Created out of order, so a listing that is not sorted shows.
    const names = [
      'z.tf.json',
      'b_override.tf.json',
      'm.tf',
      'a.tf.json',
      'override.tf.json',
      'a_override.tf',
      'myoverride.tf.json',
      'x.tf.json.bak',
      'notes.json',
      'k.tf.json',
    ];
    for (const n of names) fs.writeFileSync(path.join(dir, n), '{}');
    const found = terraformFiles(dir, { label: 'd', symlinks: 'follow' });
    expect(found.map((f) => [f.name, f.syntax, f.override])).toEqual([
      ['a.tf.json', 'json', false],
      ['k.tf.json', 'json', false],
      ['m.tf', 'hcl', false],
      ['myoverride.tf.json', 'json', false],
      ['z.tf.json', 'json', false],
      ['a_override.tf', 'hcl', true],
      ['b_override.tf.json', 'json', true],
      ['override.tf.json', 'json', true],
    ]);
  });

  test('symbolic links: refused at synth, followed by the CLI', () => {
    fs.writeFileSync(path.join(dir, 'real.json'), '{}');
    fs.symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.tf.json'));
    expect(problem(() => terraformFiles(dir, { label: 'd', symlinks: 'refuse' }))).toMatch(/^d\/link\.tf\.json: is a symbolic link/);
    expect(terraformFiles(dir, { label: 'd', symlinks: 'follow' }).map((f) => f.name)).toEqual(['link.tf.json']);
  });

  test('files are taken in byte order of their UTF-8 names, as Terraform (Go) sorts them: the last override wins there too', () => {
    // U+FF5E is EF BD 9E in UTF-8 and U+1F600 is F0 9F 98 80: bytes put ～ first; UTF-16 code units (JS `<`) would not.
    for (const n of ['\u{1F600}_override.tf.json', '\uFF5E_override.tf.json', '\u{1F600}.tf.json', '\uFF5E.tf.json', 'a.tf.json']) {
      fs.writeFileSync(path.join(dir, n), '{}');
    }
    expect(terraformFiles(dir, { label: 'd', symlinks: 'follow' }).map((f) => f.name)).toEqual([
      'a.tf.json',
      '\uFF5E.tf.json',
      '\u{1F600}.tf.json',
      '\uFF5E_override.tf.json',
      '\u{1F600}_override.tf.json',
    ]);
  });

  test('an override file is named by its stem without the extension: `x.tf_override.tf` is one, `override.tf.json.tf` is not', () => {
    for (const n of ['x.tf_override.tf', 'x.tf_override.tf.json', 'override.tf.json.tf']) fs.writeFileSync(path.join(dir, n), '{}');
    expect(terraformFiles(dir, { label: 'd', symlinks: 'follow' }).map((f) => [f.name, f.override])).toEqual([
      ['override.tf.json.tf', false],
      ['x.tf_override.tf', true],
      ['x.tf_override.tf.json', true],
    ]);
  });

  test('a FIFO named like a configuration file is refused when the directory is listed', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.tf.json')]);
    expect(problem(() => terraformFiles(dir, { label: 'd', symlinks: 'follow' }))).toBe(
      'd/pipe.tf.json: is not a regular file (a FIFO, socket or device) named like a Terraform configuration file',
    );
  });

  test('a directory that cannot be listed is an input error naming it', () => {
    expect(problem(() => terraformFiles(path.join(dir, 'missing'), { label: 'stacks/x', symlinks: 'follow' }))).toBe('stacks/x: does not exist');
  });

  test('a directory named like a configuration file is refused', () => {
    fs.mkdirSync(path.join(dir, 'x.tf.json'));
    expect(problem(() => terraformFiles(dir, { label: 'd', symlinks: 'follow' }))).toMatch(/^d\/x\.tf\.json: is a directory named like/);
  });
});

describe("Terraform's override semantics", () => {
  const part = (label: string, doc: Record<string, unknown>, override = false) => ({
    stack: stackFromTerraformJson(doc, { stack: 's', file: label }),
    override,
    label,
  });

  test('lifecycle is merged argument by argument; every other key is replaced whole', () => {
    const base = { a: 1, nested: [{ x: 1 }, { x: 2 }], lifecycle: { prevent_destroy: true, ignore_changes: ['tags'] } };
    expect(overrideBody(base, { nested: [{ x: 3 }], lifecycle: { ignore_changes: [] } })).toEqual({
      a: 1,
      nested: [{ x: 3 }],
      lifecycle: { prevent_destroy: true, ignore_changes: [] },
    });
    expect(overrideBody({ lifecycle: 'x' }, { lifecycle: { a: 1 } })).toEqual({ lifecycle: { a: 1 } });
    expect(overrideBody({ tags: { a: '1' } }, { tags: { b: '2' } })).toEqual({ tags: { b: '2' } });
  });

  test('a key like __proto__ in an override stays a plain key', () => {
    const merged = overrideBody({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.prototype.hasOwnProperty.call(merged, '__proto__')).toBe(true);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test('providers: merged across files, overridden by (type, alias), duplicates and orphan overrides refused', () => {
    const merged = mergeModule(
      [
        part('a.tf.json', { provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] } }),
        part('b.tf.json', { provider: { digitalocean: [{}] } }),
        part('b_override.tf.json', { provider: { aws: [{ alias: 'us', region: 'us-west-2' }] } }, true),
      ],
      'm',
    );
    expect(merged.stack.providers.map((p) => [p.type, p.alias, p.body.region])).toEqual([
      ['aws', undefined, 'eu-west-1'],
      ['aws', 'us', 'us-west-2'],
      ['digitalocean', undefined, undefined],
    ]);
    expect(problem(() => mergeModule([part('a.tf.json', { provider: { aws: [{}] } }), part('b.tf.json', { provider: { aws: [{ region: 'x' }] } })], 'm'))).toBe(
      'm: configures the provider aws twice (again in b.tf.json); Terraform rejects a duplicate provider configuration',
    );
    expect(
      problem(() =>
        mergeModule([part('a.tf.json', { provider: { aws: [{}] } }), part('o_override.tf.json', { provider: { aws: [{ alias: 'eu' }] } }, true)], 'm'),
      ),
    ).toBe('o_override.tf.json: overrides the provider aws (alias eu), which no other file of m configures; Terraform rejects an override of a missing block');
  });

  test('a resource, data source or module call defined in two primary files is refused, naming both files', () => {
    const twice = (doc: Record<string, unknown>) => problem(() => mergeModule([part('a.tf.json', doc), part('b.tf.json', doc)], 'm'));
    expect(twice({ resource: { aws_ebs_volume: { v: {} } } })).toBe(
      'm: defines the resource aws_ebs_volume.v in a.tf.json and in b.tf.json; Terraform rejects a duplicate resource',
    );
    expect(twice({ data: { aws_ami: { img: {} } } })).toMatch(/^m: defines the data source data\.aws_ami\.img in a\.tf\.json and in b\.tf\.json; /);
    expect(twice({ module: { vpc: { source: './vpc' } } })).toMatch(/^m: defines the module call module\.vpc in a\.tf\.json and in b\.tf\.json; /);
  });

  test('an override of a block no primary file defines is refused, naming the override file', () => {
    const orphan = problem(() =>
      mergeModule([part('a.tf.json', { resource: { aws_ebs_volume: { v: {} } } }), part('o_override.tf.json', { data: { aws_ami: { img: {} } } }, true)], 'm'),
    );
    expect(orphan).toBe(
      'o_override.tf.json: overrides the data source data.aws_ami.img, which no other file of m defines; Terraform rejects an override of a missing block',
    );
  });

  test('providers are told apart by alias: two aliased configurations of one type are not duplicates', () => {
    const merged = mergeModule(
      [
        part('a.tf.json', { provider: { aws: [{ alias: 'east', region: 'us-east-1' }] } }),
        part('b.tf.json', { provider: { aws: [{ alias: 'west', region: 'us-west-2' }, { region: 'eu-west-1' }] } }),
        part('c_override.tf.json', { provider: { aws: [{ alias: 'west', region: 'us-west-1' }] } }, true),
      ],
      'm',
    );
    expect(merged.stack.providers.map((p) => [p.alias, p.body.region])).toEqual([
      ['east', 'us-east-1'],
      ['west', 'us-west-1'],
      [undefined, 'eu-west-1'],
    ]);
  });

  test('suppressions of every file are kept; resources keep the file that defines them', () => {
    const supp = (reason: string) => ({ '//': { guardrails: { suppressions: [{ ruleId: 'r', scope: '', reason }] } } });
    const merged = mergeModule(
      [
        part('a.tf.json', { ...supp('first reason'), resource: { aws_ebs_volume: { v: { encrypted: true } } } }),
        part('z_override.tf.json', { ...supp('second reason'), resource: { aws_ebs_volume: { v: { encrypted: false } } } }, true),
      ],
      'm',
    );
    expect(merged.stack.suppressions.map((s) => s.reason)).toEqual(['first reason', 'second reason']);
    expect(merged.files.get('aws_ebs_volume.v')).toBe('a.tf.json');
    expect(merged.stack.resources[0].body.encrypted).toBe(false);
  });
});
