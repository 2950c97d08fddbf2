/**
 * Names from the input (stack names, construct paths, addresses, file names, values quoted in messages)
 * are printed safely in every format: control characters escaped, so an ESC sequence never reaches the
 * terminal and a newline never starts a line of its own; no line of plain text starts a GitHub workflow
 * command (`::` after leading whitespace, which the runner trims), and the legacy `##[command]` opener
 * appears nowhere. The github format's own commands keep the runner's escaping (%, CR, LF; `:` and `,`
 * in properties).
 */
import * as path from 'path';
import { GuardrailViolationError } from '../../engine/violation-error';
import type { Violation } from '../../engine/types';
import { notACommand, printable } from '../../engine/printable';
import { ENCRYPTION, PUBLIC_IP, cli, expectOneLineError, only, tempDir, writeFiles } from './harness';

const EVIL = 'x\n::error title=pwned::injected\r\n  ::warning::two\u001b[2J\u001b]0;title\u0007##[stop-commands]tok\u0085::x\u2028y\u202e';
const FILE = 'evil\n::error::file\u001b[31m##[add-mask]m.tf.json';

/** The config: a cdktf-style stack whose name, construct paths, file name and values all carry EVIL. */
function fixture(): string {
  return writeFiles(tempDir(), {
    [FILE]: {
      '//': { metadata: { stackName: `stack${EVIL}` } },
      resource: {
        aws_ebs_volume: {
          v: { availability_zone: 'a', encrypted: `\${var.x}${EVIL}`, '//': { metadata: { path: `stack/${EVIL}` } } },
          w: { availability_zone: 'a', '//': { metadata: { path: `::${EVIL}` } } },
        },
        aws_eip: { ip: { domain: 'vpc' } },
      },
    },
  });
}

/** A plan whose addresses carry EVIL in their instance keys (for_each keys are any string). */
function planFixture(): string {
  const address = `aws_ebs_volume.v[${JSON.stringify(EVIL)}]`;
  return writeFiles(tempDir(), {
    'plan.json': {
      format_version: '1.2',
      resource_changes: [
        {
          address,
          mode: 'managed',
          type: 'aws_ebs_volume',
          name: 'v',
          index: EVIL,
          change: { actions: ['create'], after: { encrypted: false }, after_unknown: {} },
        },
      ],
    },
  });
}

const RULES = only(ENCRYPTION, PUBLIC_IP);

function expectSafeText(out: string, format: string): void {
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
  expect(out).not.toContain('##[');
  const lines = out.split('\n');
  for (const line of lines) {
    if (format === 'github' && /^::(error|warning|notice) /.test(line)) {
      // the format's own commands: properties and data escaped, so the line is exactly one command
      expect(line).toMatch(/^::(error|warning|notice) ([a-z]+=[^,:\n]*)(,[a-z]+=[^,:\n]*)*::[^\n]*$/);
      const data = line.slice(line.indexOf('::', 2) + 2);
      expect(data).not.toMatch(/\r|\n/);
    } else expect(line).not.toMatch(/^[\s\u0085\u180e]*::/);
  }
}

describe.each(['text', 'github', 'junit', 'json', 'sarif'])('%s', (format) => {
  test('a configuration full of hostile names', async () => {
    const dir = fixture();
    const run = await cli(['check', FILE, '--format', format, ...RULES], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expectSafeText(run.stdout, format);
    // The names are still there, escaped, not dropped.
    if (format === 'text' || format === 'junit') {
      expect(run.stdout).toContain(printable(`stack${EVIL}`).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    if (format === 'json') {
      // JSON keeps the data exact (JSON-escaped): what a tool reads back is the name itself.
      const report = JSON.parse(run.stdout);
      expect(report.stacks[0].name).toBe(`stack${EVIL}`);
      expect(report.violations[0].file).toBe(FILE);
    }
    if (format === 'sarif') expect(JSON.parse(run.stdout).runs[0].results[0].properties.stack).toBe(`stack${EVIL}`);
  });

  test('a plan whose instance keys are hostile', async () => {
    const run = await cli(['check', 'plan.json', '--format', format, ...RULES], { cwd: planFixture() });
    expect(run.code).toBe(1);
    expectSafeText(run.stdout, format);
  });
});

test('github: the escaping the runner expects (% first, then CR and LF; : and , in properties)', async () => {
  const run = await cli(['check', FILE, '--format', 'github', ...RULES], { cwd: fixture() });
  const line = run.stdout.split('\n').find((l) => l.includes('aws_ebs_volume.v'))!;
  expect(line).toMatch(/^::error file=evil\\n%3A%3Aerror%3A%3Afile\\x1b\[31m#\\x23\[add-mask\]m\.tf\.json,line=\d+,col=\d+,title=/);
  expect(line).toContain('%0AFix: ');
});

test('text on a TTY: colour codes are ours only', async () => {
  const run = await cli(['check', FILE, ...RULES], { cwd: fixture(), tty: true });
  // every ESC starts an SGR colour sequence we wrote; none came from the input
  expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/\u001b/);
});

test('an error naming a hostile file name is one line, escaped', async () => {
  const dir = writeFiles(tempDir(), { [FILE]: '{"resource": ' });
  const run = await cli(['check', FILE], { cwd: dir });
  expectOneLineError(run, 'evil\\n::error::file\\x1b[31m#\\x23[add-mask]m.tf.json: malformed JSON');
  expect(run.stderr).not.toMatch(/\u001b|##\[/);
});

test('notes name files escaped too', async () => {
  const dir = writeFiles(tempDir(), { 'ok.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: true } } } } });
  const run = await cli(['check', 'ok.tf.json', '--config', `x${EVIL}.json`, ...RULES], { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('note: --config xx\\n::error');
  expect(
    run.stderr
      .split('\n')
      .filter((l) => l !== '')
      .every((l) => l.startsWith('cdktf-guardrails: ')),
  ).toBe(true);
});

test('the synth refusal message (GuardrailViolationError) escapes names and keeps one line per item', () => {
  const v: Violation = {
    ruleId: ENCRYPTION,
    severity: 'error',
    kind: 'violation',
    stack: `::${EVIL}`,
    constructPath: `${EVIL}/data`,
    address: `aws_ebs_volume.v`,
    resourceType: 'aws_ebs_volume',
    message: `encrypted is ${EVIL}`,
    fix: 'Set encrypted = true.',
  };
  const message = new GuardrailViolationError([v], path.join('cdktf.out', `g${EVIL}`, 'report.json')).message;
  expect(message.split('\n')).toEqual([
    'cdktf-guardrails refused to synthesize: 1 guardrail violation in 1 stack.',
    '',
    `[${ENCRYPTION}] ${printable(`::${EVIL}`)} aws_ebs_volume.v`,
    `  construct: ${printable(`${EVIL}/data`)}`,
    `  problem:   encrypted is ${printable(EVIL)}`,
    '  fix:       Set encrypted = true.',
    '',
    `Full report: cdktf.out/${printable(`g${EVIL}`)}/report.json`,
  ]);
  expectSafeText(message, 'text');
});

test('printable: control characters as \\n, \\xHH or \\uHHHH; everything else untouched', () => {
  expect(printable('a\nb\rc\td\u001be\u007ff\u009bg\u2028h\u202ei\ufeffj')).toBe('a\\nb\\rc\\td\\x1be\\x7ff\\x9bg\\u2028h\\u202ei\\ufeffj');
  expect(printable('##[error]x ## [ok] é 漢 😀 C:\\path')).toBe('#\\x23[error]x ## [ok] é 漢 😀 C:\\path');
  expect(printable(printable(EVIL))).toBe(printable(EVIL));
});

test('printable: every edge of every escaped range is escaped inside ordinary text, and the characters just outside are not', () => {
  // Safe text is returned as it is without running the replacement: each edge must still be seen in a long string.
  const escaped = ['\u0000', '\u001f', '\u007f', '\u009f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff'];
  const kept = [' ', '~', '\u00a0', '\u2027', '\u202f', '\u2065', '\u206a', '\ufefe', '\uff00', '#', '##', '#['];
  const text = (c: string) => `${'aws_instance.web'.repeat(8)}${c}${'is safe'.repeat(8)}`;
  for (const c of escaped)
    expect(printable(text(c))).toBe(
      text(
        `\\${c.charCodeAt(0) <= 0xff ? 'x' : 'u'}${c
          .charCodeAt(0)
          .toString(16)
          .padStart(c.charCodeAt(0) <= 0xff ? 2 : 4, '0')}`,
      ),
    );
  for (const c of kept) expect(printable(text(c))).toBe(text(c));
  expect(printable(text('##['))).toBe(text('#\\x23['));
});

test('notACommand: a line the runner would read as a workflow command, after any run of leading whitespace, gets its first colon escaped', () => {
  expect(notACommand('::warning ::x')).toBe('\\x3a:warning ::x');
  expect(notACommand(' ::x')).toBe(' \\x3a:x');
  expect(notACommand(' \t\u0085\u180e  ::x')).toBe(' \t\u0085\u180e  \\x3a:x');
  expect(notACommand('a ::x')).toBe('a ::x');
  expect(notACommand(': :x')).toBe(': :x');
});
