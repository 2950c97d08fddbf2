/** Every report format of `check`, on the same two-stack cdktf output. */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { validateSarif } from '../helpers/sarif';
import { withOneFinalNewline } from '../../engine/reports/junit-report';
import * as textReport from '../../engine/reports/text-report';
import { ENCRYPTION, PUBLIC_IP, cdktfOut, cdktfStack, cli, only, tempDir, writeFiles } from './harness';

const RULES = only(ENCRYPTION, PUBLIC_IP);
const TODAY = ['--today', '2030-01-01'];

function fixture(): string {
  const dir = tempDir();
  cdktfOut(path.join(dir, 'cdktf.out'), {
    app: cdktfStack(
      'app',
      {
        aws_ebs_volume: {
          data: { availability_zone: 'eu-west-1a', size: 10 },
          ok: { availability_zone: 'eu-west-1a', size: 10, encrypted: true },
          tok: { availability_zone: 'eu-west-1a', size: 10, encrypted: '${var.enc}' },
          legacy: { availability_zone: 'eu-west-1a', size: 10 },
        },
        aws_eip: { public: { domain: 'vpc' } },
        aws_s3_bucket: { logs: {} },
      },
      {
        // where a guarded synth records suppressions: the stack's own `//`
        '//': {
          metadata: { backend: 'local', stackName: 'app', version: '0.21.0' },
          guardrails: { suppressions: [{ ruleId: ENCRYPTION, scope: 'app/legacy', reason: 'migrated in ticket OPS-1, 100% copied', expires: '2031-01-01' }] },
        },
      },
    ),
    clean: cdktfStack('clean', { aws_ebs_volume: { ok: { availability_zone: 'eu-west-1a', size: 1, encrypted: true } } }),
  });
  return dir;
}

let dir: string;
beforeAll(() => {
  dir = fixture();
});

describe('text', () => {
  test('groups by stack then rule, with address, message, fix, the audit sections and a summary line', async () => {
    const run = await cli(['check', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).not.toMatch(/\u001b\[/); // not a TTY: no colour
    // Stack header with its file, then the rule, then addresses under it, then the fix once.
    const app = out.indexOf('app  cdktf.out/stacks/app/cdk.tf.json');
    const enc = out.indexOf(`error ${ENCRYPTION}`, app);
    const data = out.indexOf('aws_ebs_volume.data', enc);
    const tok = out.indexOf('aws_ebs_volume.tok (unknown value)', enc);
    const fix = out.indexOf('fix: Set `encrypted = true`', enc);
    const pub = out.indexOf(`error ${PUBLIC_IP}`, enc);
    expect([app, enc, data, tok, fix, pub].every((i) => i >= 0)).toBe(true);
    expect(app < enc && enc < data && data < fix && tok < fix && fix < pub).toBe(true);
    expect(out).toContain('encrypted: the volume is not encrypted (encrypted is unset)');
    expect(out).toContain('cannot be verified at synth time: encrypted is ${var.enc}');
    // The clean stack has no section; the suppressed finding is listed, with reason and expiry.
    expect(out).not.toMatch(/^clean /m);
    expect(out).toMatch(
      /Suppressed \(1\):\n {2}app aws_ebs_volume\.legacy \[volume-encryption-required\]: "migrated in ticket OPS-1, 100% copied" \(until 2031-01-01\)/,
    );
    expect(out).toMatch(/Not covered by any active rule.*\n {2}.*aws_s3_bucket x1/);
    const last = out.trimEnd().split('\n').pop();
    expect(last).toBe('cdktf-guardrails: 3 errors, 0 warnings, 1 unknown value, 1 suppressed (2 stacks, 7 resources, 2 rules, baseline)');
  });

  test('colour only on a TTY, and never with NO_COLOR', async () => {
    const tty = await cli(['check', ...RULES, ...TODAY], { cwd: dir, tty: true });
    expect(tty.stdout).toMatch(/\u001b\[31m/);
    const noColor = await cli(['check', ...RULES, ...TODAY], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(noColor.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(tty.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
  });

  test('a clean run says so', async () => {
    const run = await cli(['check', 'cdktf.out/stacks/clean/cdk.tf.json', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No findings.');
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('cdktf-guardrails: 0 errors, 0 warnings, 0 suppressed (1 stack, 1 resource, 2 rules, baseline)');
  });
});

test('json: the engine result as data, parseable, with the same counts', async () => {
  const run = await cli(['check', '--format', 'json', ...RULES, ...TODAY], { cwd: dir });
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.summary).toMatchObject({ stacks: 2, errors: 3, warnings: 0, unknown: 1, suppressed: 1 });
  expect(report.violations.map((v: { address: string }) => v.address).sort()).toEqual(['aws_ebs_volume.data', 'aws_ebs_volume.tok', 'aws_eip.public']);
  expect(report.violations[0].file).toBe('cdktf.out/stacks/app/cdk.tf.json');
  expect(report.suppressed[0]).toMatchObject({
    address: 'aws_ebs_volume.legacy',
    suppression: { ruleId: ENCRYPTION, scope: 'app/legacy', expires: '2031-01-01' },
  });
});

describe('sarif', () => {
  test('valid against the 2.1.0 schema and the SARIF Multitool, with findings and the suppressed one', async () => {
    const run = await cli(['check', '--format', 'sarif', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    const validation = validateSarif(run.stdout);
    expect(validation.schemaErrors).toEqual([]);
    expect(validation.multitoolErrors).toEqual([]);
    const log = JSON.parse(run.stdout);
    const results = log.runs[0].results;
    expect(results).toHaveLength(4);
    expect(results.filter((r: { suppressions?: unknown[] }) => r.suppressions)).toHaveLength(1);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/app/cdk.tf.json');
  });

  test('a clean run is a valid log with no results', async () => {
    const run = await cli(['check', 'cdktf.out/stacks/clean', '--format', 'sarif', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    const validation = validateSarif(run.stdout);
    expect(validation.schemaErrors).toEqual([]);
    expect(validation.multitoolErrors).toEqual([]);
    expect(JSON.parse(run.stdout).runs[0].results).toEqual([]);
  });

  test('more results than GitHub code scanning accepts in a run (25,000): all written, and a note on stderr', async () => {
    const many = tempDir();
    const volumes = (n: number) => ({
      resource: { aws_ebs_volume: Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, { availability_zone: 'a' }])) },
    });
    // (two directories: Terraform would read two files of one directory together, and so does check)
    writeFiles(many, { 'at/main.tf.json': volumes(25_000), 'over/main.tf.json': volumes(25_001) });
    const at = await cli(['check', 'at', '--format', 'sarif', '--output', 'at.sarif', ...only(ENCRYPTION)], { cwd: many });
    expect(at.stderr).not.toContain('note:');
    const over = await cli(['check', 'over', '--format', 'sarif', ...only(ENCRYPTION)], { cwd: many });
    expect(JSON.parse(over.stdout).runs[0].results).toHaveLength(25_001);
    expect(over.stderr).toBe(
      'cdktf-guardrails: note: the SARIF report holds 25001 results in one run; GitHub code scanning rejects a run of more than 25000 ' +
        '(and shows 5000): check fewer stacks per upload, or fix or suppress findings first\n',
    );
    // Only the SARIF report is uploaded to code scanning: other formats say nothing of it.
    const text = await cli(['check', 'over', '--format', 'json', ...only(ENCRYPTION)], { cwd: many });
    expect(text.stderr).toBe('');
  }, 30_000);

  test('the validator does reject a broken log (so the two checks above can fail)', () => {
    const broken = validateSarif(JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] }));
    expect(broken.schemaErrors.length).toBeGreaterThan(0);
    if (!broken.multitoolSkipped) expect(broken.multitoolErrors.length).toBeGreaterThan(0);
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });

  test('one suite per stack, a failing case per finding, a skipped case per suppression, a passing case per clean rule', async () => {
    const run = await cli(['check', '--format', 'junit', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const xml = parser.parse(run.stdout);
    const suites = xml.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['app', 'clean']);
    const [app, clean] = suites;
    const cases = app.testcase as {
      classname: string;
      name: string;
      failure?: { type: string; message: string; '#text': string };
      skipped?: { message: string };
    }[];
    const failed = cases.filter((c) => c.failure);
    expect(failed.map((c) => `${c.classname} ${c.name}`).sort()).toEqual([
      `app.${PUBLIC_IP} aws_eip.public`,
      `app.${ENCRYPTION} aws_ebs_volume.data`,
      `app.${ENCRYPTION} aws_ebs_volume.tok`,
    ]);
    expect(failed.find((c) => c.name === 'aws_ebs_volume.data')!.failure!['#text']).toContain('fix: Set `encrypted = true`');
    expect(cases.find((c) => c.name === 'aws_ebs_volume.legacy')!.skipped!.message).toContain('suppressed: migrated in ticket OPS-1');
    expect(cases.find((c) => c.classname === 'app.not-covered')!.name).toBe('aws_s3_bucket');
    // Counts are consistent, at both levels.
    expect(Number(app.tests)).toBe(cases.length);
    expect(Number(app.failures)).toBe(3);
    expect(Number(app.skipped)).toBe(2);
    expect(clean.testcase.map((c: { classname: string; name: string; failure?: unknown }) => [c.classname, c.name, c.failure])).toEqual([
      [`clean.${PUBLIC_IP}`, 'no findings', undefined],
      [`clean.${ENCRYPTION}`, 'no findings', undefined],
    ]);
    expect(Number(xml.testsuites.tests)).toBe(cases.length + 2);
    expect(Number(xml.testsuites.failures)).toBe(3);
  });

  test('text that XML cannot hold as is survives a round trip', async () => {
    const odd = tempDir();
    writeFiles(odd, {
      'odd.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a', encrypted: '${x < 1 && y > "2" ? \'q\' : "\u0001"}' } } } },
    });
    const run = await cli(['check', 'odd.tf.json', '--format', 'junit', ...RULES], { cwd: odd });
    const xml = parser.parse(run.stdout);
    const failure = xml.testsuites.testsuite[0].testcase[0].failure;
    // the control character is escaped (`printable`), the XML specials survive as themselves
    expect(failure.message).toContain('${x < 1 && y > "2" ? \'q\' : "\\x01"}');
  });
});

test('the JUnit report ends in exactly one newline, however many the XML builder left', () => {
  expect(['', 'a', 'a\n', 'a\n\n\n', '\n\n', 'a\nb', 'a\r\n'].map(withOneFinalNewline)).toEqual(['\n', 'a\n', 'a\n', 'a\n', '\n', 'a\nb\n', 'a\r\n']);
});

describe('github', () => {
  test('workflow commands per finding, escaped; notices for suppressions and coverage; a summary', async () => {
    const run = await cli(['check', '--format', 'github', ...RULES, ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      `::error file=cdktf.out/stacks/app/cdk.tf.json,line=36,col=7,title=[${ENCRYPTION}] app aws_ebs_volume.data::the volume is not encrypted (encrypted is unset)%0AFix: ` +
        lines.find((l) => l.includes('aws_ebs_volume.data'))!.split('%0AFix: ')[1],
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(3);
    expect(lines.find((l) => l.includes('aws_ebs_volume.tok'))).toMatch(
      /^::error file=[^:]*,title=\[volume-encryption-required\] app aws_ebs_volume\.tok \(unknown value\)::cannot be verified/,
    );
    // `%` in a message is escaped, so the runner does not read it as an escape.
    expect(lines.find((l) => l.startsWith('::notice') && l.includes('legacy'))).toBe(
      `::notice file=cdktf.out/stacks/app/cdk.tf.json,title=suppressed [${ENCRYPTION}] app aws_ebs_volume.legacy::migrated in ticket OPS-1, 100%25 copied (until 2031-01-01)`,
    );
    expect(lines).toContain('::notice title=resource types no active rule covers::aws_s3_bucket x1');
    expect(lines[lines.length - 1]).toMatch(/^cdktf-guardrails: 3 error\(s\), 0 warning\(s\), 1 suppressed/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::/);
  });

  describe('more findings than GitHub shows as annotations (10 of each kind per step)', () => {
    /** `n` unencrypted volumes, checked by the encryption rule alone at `level`. */
    const volumes = async (n: number, level: 'error' | 'warning') => {
      const many = tempDir();
      const resource = { aws_ebs_volume: Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, { availability_zone: 'a' }])) };
      writeFiles(many, { 'main.tf.json': { resource } });
      const run = await cli(['check', 'main.tf.json', '--format', 'github', ...only(ENCRYPTION), '--rule', `${ENCRYPTION}=${level}`], { cwd: many });
      return run.stdout.trimEnd().split('\n');
    };
    const OVERFLOW = '::notice title=cdktf-guardrails%3A more findings than GitHub shows as annotations::';

    test.each([['error'], ['warning']] as const)('11 %ss: every one is written, after a notice saying GitHub shows 10', async (level) => {
      const lines = await volumes(11, level);
      expect(lines[0]).toBe(
        `${OVERFLOW}GitHub shows 10 annotations of each kind per step (50 per job); this step wrote ` +
          `${level === 'error' ? 11 : 0} error, ${level === 'warning' ? 11 : 0} warning and 0 notice commands. ` +
          "Every one is in this step's log; for all of them in one view, upload --format sarif to code scanning.",
      );
      expect(lines.filter((l) => l.startsWith(`::${level} `))).toHaveLength(11);
    });

    test.each([['error'], ['warning']] as const)('10 %ss: all are shown, no notice', async (level) => {
      const lines = await volumes(10, level);
      expect(lines.filter((l) => l.startsWith(`::${level} `))).toHaveLength(10);
      expect(lines.filter((l) => l.startsWith('::notice'))).toEqual([]);
    });

    test('invalid suppressions are warnings, and the coverage line a notice: both count', async () => {
      const many = tempDir();
      const names = Array.from({ length: 10 }, (_, i) => `v${i}`);
      const volumes = Object.fromEntries(names.map((name) => [name, { availability_zone: 'a' }]));
      // 10 warnings and one invalid suppression (no scope): 11 warning commands.
      cdktfOut(path.join(many, 'warnings', 'cdktf.out'), {
        app: cdktfStack('app', { aws_ebs_volume: volumes }, { '//': { guardrails: { suppressions: [{ ruleId: ENCRYPTION, reason: 'no scope' }] } } }),
      });
      const warnings = await cli(['check', '--format', 'github', ...only(ENCRYPTION), '--rule', `${ENCRYPTION}=warning`], { cwd: path.join(many, 'warnings') });
      expect(warnings.stdout.split('\n')[0]).toContain('this step wrote 0 error, 11 warning and 0 notice commands');
      expect(warnings.stdout).toMatch(
        /^::warning file=cdktf\.out\/stacks\/app\/cdk\.tf\.json,title=invalid suppression in app \(not honoured\)::scope must be/m,
      );
      // 10 suppressed findings and a type no rule covers: 11 notices.
      const suppressions = names.map((name) => ({ ruleId: ENCRYPTION, scope: `app/${name}`, reason: 'migrated in ticket OPS-1', expires: '2031-01-01' }));
      cdktfOut(path.join(many, 'notices', 'cdktf.out'), {
        app: cdktfStack('app', { aws_ebs_volume: volumes, aws_s3_bucket: { logs: {} } }, { '//': { guardrails: { suppressions } } }),
      });
      const notices = await cli(['check', '--format', 'github', ...only(ENCRYPTION), ...TODAY], { cwd: path.join(many, 'notices') });
      expect(notices.stdout.split('\n')[0]).toContain('this step wrote 0 error, 0 warning and 11 notice commands');
    });

    test.each([[10], [11]])('%i notices (suppressed findings): a notice first past 10, where it is one of the 10 shown', async (n) => {
      const many = tempDir();
      const names = Array.from({ length: n }, (_, i) => `v${i}`);
      const resource = { aws_ebs_volume: Object.fromEntries(names.map((name) => [name, { availability_zone: 'a' }])) };
      const suppressions = names.map((name) => ({ ruleId: ENCRYPTION, scope: `app/${name}`, reason: 'migrated in ticket OPS-1', expires: '2031-01-01' }));
      cdktfOut(path.join(many, 'cdktf.out'), {
        app: cdktfStack('app', resource, { '//': { metadata: { backend: 'local', stackName: 'app', version: '0.21.0' }, guardrails: { suppressions } } }),
      });
      const run = await cli(['check', '--format', 'github', ...only(ENCRYPTION), ...TODAY], { cwd: many });
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.filter((l) => l.startsWith('::notice file='))).toHaveLength(n);
      if (n > 10) expect(lines[0]).toContain('this step wrote 0 error, 0 warning and 11 notice commands');
      else expect(lines.filter((l) => l.startsWith('::notice title='))).toEqual([]);
    });
  });

  test('`:` and `,` are escaped in properties, `%` and newlines everywhere', async () => {
    const odd = tempDir();
    writeFiles(odd, { 'we,ird:name%.tf.json': { resource: { aws_ebs_volume: { v: { availability_zone: 'a' } } } } });
    const run = await cli(['check', 'we,ird:name%.tf.json', '--format', 'github', ...RULES], { cwd: odd });
    const line = run.stdout.split('\n').find((l) => l.startsWith('::error'))!;
    expect(line).toMatch(/^::error file=we%2Cird%3Aname%25\.tf\.json,line=4,col=7,title=\[volume-encryption-required\] we%2Cird%3Aname%25 aws_ebs_volume\.v::/);
    expect(line.split('::')[2]).toContain('%0AFix:');
  });
});

test('a report that fails while it is written to --output is an internal error, not the file’s fault; no part is left', async () => {
  const broken = jest.spyOn(textReport, 'writeTextReport').mockImplementation((_input, sink) => {
    sink.write('the first lines');
    throw new Error('a reporter bug');
  });
  try {
    const run = await cli(['check', '--output', 'reports/broken.txt', ...RULES, ...TODAY], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([2, 'cdktf-guardrails: internal error: a reporter bug (set CDKTF_GUARDRAILS_DEBUG=1 for details)\n']);
    expect(fs.existsSync(path.join(dir, 'reports', 'broken.txt'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'reports', 'broken.txt.partial'))).toBe(false);
  } finally {
    broken.mockRestore();
  }
});

test('--output writes the report to a file and a summary to stderr', async () => {
  const run = await cli(['check', '--format', 'sarif', '--output', 'reports/out.sarif', ...RULES, ...TODAY], { cwd: dir });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/out.sarif'), 'utf8')).version).toBe('2.1.0');
  expect(run.stderr).toMatch(/^cdktf-guardrails: 2 stack\(s\), 7 resource\(s\)/);
  expect(run.stderr).toContain('report: reports/out.sarif');
});
