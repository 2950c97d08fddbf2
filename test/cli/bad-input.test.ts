/** Every bad input: one line on stderr naming the file or option and the problem, exit 2, no stack trace. */
import * as fs from 'fs';
import * as path from 'path';
import { cdktfOut, cdktfStack, cli, expectOneLineError, tempDir, writeFiles } from './harness';

let dir: string;
const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined ? { stdin } : {}) });

beforeAll(() => {
  dir = tempDir();
  writeFiles(dir, {
    'ok.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: true } } } },
    'trailing-comma.json': '{\n  "resource": {\n    "aws_ebs_volume": {},\n  }\n}\n',
    'bad-token.json': '{\n  "resource": {\n    "x": nope\n  }\n}\n',
    'truncated.json': '{"resource": {"aws_ebs_volume": {',
    'empty.json': '',
    'other.json': { name: 'my-package', version: '1.0.0' },
    'array.json': [1, 2, 3],
    'state.json': { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } },
    'failed-plan.json': { format_version: '1.2', errored: true, resource_changes: [] },
    'main.tf': 'resource "aws_ebs_volume" "v" {}\n',
    'hcl-only/main.tf': 'resource "aws_ebs_volume" "v" {}\n',
    'nothing-here/readme.txt': 'hi',
    'a-dir.tf.json/placeholder': 'x',
  });
  fs.mkdirSync(path.join(dir, 'empty-dir'));
  writeFiles(dir, { 'empty-out/manifest.json': { version: '0.21.0', stacks: {} } });
  writeFiles(dir, { 'bad-manifest/manifest.json': { version: '0.21.0' } });
  cdktfOut(path.join(dir, 'missing-stack'), { main: cdktfStack('main', {}) });
  fs.rmSync(path.join(dir, 'missing-stack/stacks/main/cdk.tf.json'));
  writeFiles(dir, {
    'hcl-out/manifest.json': { version: '0.21.0', stacks: { main: { name: 'main', synthesizedStackPath: 'stacks/main/cdk.tf' } } },
    'hcl-out/stacks/main/cdk.tf': 'terraform {}\n',
    'dir-with-unreadable/a.tf.json': { resource: {} },
  });
  fs.mkdirSync(path.join(dir, 'dir-with-unreadable/b.tf.json'));
});

test.each([
  ['a missing path', ['check', 'nope.json'], [/^cdktf-guardrails: nope\.json: does not exist$/]],
  ['malformed JSON, with line and column', ['check', 'trailing-comma.json'], ['trailing-comma.json: malformed JSON at line 4, column 3']],
  ['malformed JSON V8 gives no position for', ['check', 'bad-token.json'], ['bad-token.json: malformed JSON at line 3, column 10', "Unexpected token 'o'"]],
  ['truncated JSON', ['check', 'truncated.json'], ['truncated.json: malformed JSON at line 1, column 34']],
  ['an empty file', ['check', 'empty.json'], ['empty.json: is empty']],
  ['JSON that is neither Terraform nor a plan', ['check', 'other.json'], ['other.json: is JSON (an object) but neither Terraform JSON', 'nor a plan']],
  ['a JSON array', ['check', 'array.json'], ['array.json: is JSON (an array)']],
  ['a state instead of a plan', ['check', 'state.json'], ['state.json: is a Terraform state', 'terraform plan -out']],
  ['the plan of a failed plan', ['check', 'failed-plan.json'], ['failed-plan.json: is the plan of a failed `terraform plan`']],
  ['an HCL file', ['check', 'main.tf'], ['main.tf: is HCL (.tf)']],
  ['a directory of HCL only', ['check', 'hcl-only'], ['hcl-only/main.tf: is HCL (.tf), which this tool does not read, yet Terraform applies it']],
  ['a directory with nothing to check', ['check', 'nothing-here'], ['nothing-here: has no manifest.json and no *.tf.json files']],
  ['an empty directory', ['check', 'empty-dir'], ['empty-dir: is empty']],
  ['an empty cdktf output', ['check', 'empty-out'], ['empty-out: is a cdktf output with no stacks']],
  ['a manifest without stacks', ['check', 'bad-manifest'], ['bad-manifest/manifest.json: is not a cdktf manifest']],
  [
    'a manifest naming a missing stack file',
    ['check', 'missing-stack'],
    ["missing-stack/manifest.json: stack 'main' points to missing-stack/stacks/main/cdk.tf.json, which does not exist"],
  ],
  ['a stack synthesized as HCL', ['check', 'hcl-out'], ["hcl-out/stacks/main/cdk.tf: stack 'main' was synthesized as HCL"]],
  [
    'an unreadable file (a directory named *.tf.json)',
    ['check', 'dir-with-unreadable'],
    ['dir-with-unreadable/b.tf.json: is a directory named like a Terraform configuration file'],
  ],
  [
    'an unknown rule id, with a suggestion',
    ['check', 'ok.json', '--rule', 'volume-encryption-requird=off'],
    ["--rule 'volume-encryption-requird=off': unknown rule id", "did you mean 'volume-encryption-required'"],
  ],
  [
    'a --rule without a level',
    ['check', 'ok.json', '--rule', 'volume-encryption-required'],
    ["--rule 'volume-encryption-required': expected RULE_ID=error|warning|off"],
  ],
  ['a bad rule level', ['check', 'ok.json', '--rule', 'volume-encryption-required=fatal'], ['level must be error, warning or off']],
  ['an unknown format', ['check', 'ok.json', '--format', 'xml'], ["'xml' is invalid", 'text, json, sarif, junit, github']],
  ['a bad --fail-on', ['check', 'ok.json', '--fail-on', 'info'], ['--fail-on', "'info' is invalid"]],
  ['a bad --unknown-values', ['check', 'ok.json', '--unknown-values', 'ignore'], ['--unknown-values', "'ignore' is invalid"]],
  ['a bad --profile', ['check', 'ok.json', '--profile', 'paranoid'], ['--profile', "'paranoid' is invalid"]],
  ['a bad --today', ['check', 'ok.json', '--today', '2024-02-30'], ["--today '2024-02-30': expected a date YYYY-MM-DD"]],
  ['an unknown option', ['check', 'ok.json', '--strict'], ["unknown option '--strict'"]],
  ['an unknown command', ['chek'], ["unknown command 'chek'", 'check']],
  ['explain of an unknown rule', ['explain', 'no-such-rule'], ["explain: unknown rule id 'no-such-rule'"]],
  ['no path and no ./cdktf.out', ['check'], ['no PATH given and ./cdktf.out does not exist']],
  ['an --output that cannot be written', ['check', 'ok.json', '--output', 'ok.json/report.txt'], ['--output ok.json/report.txt: cannot be written']],
  ['a --config that does not exist', ['check', '-', '--config', 'nope.json'], ['--config nope.json: does not exist']],
])('%s', async (_name, argv, fragments) => {
  const stdin = JSON.stringify({ format_version: '1.2', resource_changes: [] });
  expectOneLineError(await run(argv as string[], stdin), ...(fragments as (string | RegExp)[]));
});

test('malformed JSON on stdin names stdin', async () => {
  expectOneLineError(await run(['check', '-'], '{"a": [1,,2]}'), 'stdin: malformed JSON at line 1, column 10');
});

test('stdin given twice', async () => {
  expectOneLineError(await run(['check', '-', '-'], '{}'), '-: stdin can be read only once');
});

test('options are checked before inputs are read', async () => {
  expectOneLineError(await run(['check', 'nope.json', '--rule', 'x=off']), "--rule 'x=off'");
});

test('no command at all is a usage error (help on stderr)', async () => {
  const r = await run([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage: cdktf-guardrails');
});

test('a bug of ours is still one line and exit 2, with the trace only on request', async () => {
  const rules = await import('../../rules');
  const spy = jest.spyOn(rules.builtInRules, 'filter').mockImplementation(() => {
    throw new Error('boom');
  });
  try {
    const r = await run(['rules']);
    expectOneLineError(r, 'internal error: boom', 'CDKTF_GUARDRAILS_DEBUG=1');
    const debug = await cli(['rules'], { cwd: dir, env: { CDKTF_GUARDRAILS_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  } finally {
    spy.mockRestore();
  }
});
