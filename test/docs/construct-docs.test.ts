/**
 * docs/constructs.md is generated from the constructs' TSDoc by scripts/generate-construct-docs.js. These tests
 * keep the committed file current (check mode), pin a few facts the generator must carry over from the TSDoc,
 * and show that the check does fail on a stale file and that gaps in the TSDoc stay visible.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXPORTED_CONSTRUCTS } from '../helpers/constructs';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/generate-construct-docs.js');
const DOC = path.join(ROOT, 'docs/constructs.md');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of `markdown` from the heading `heading` to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading '${heading}'`);
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The cells (Prop, Type, Default, Description) of a prop's row in a section's first table with that prop. */
function row(lines: string[], prop: string): { type: string; default: string; description: string } {
  const line = lines.find((l) => l.startsWith(`| \`${prop}\` |`));
  if (!line) throw new Error(`no row for ${prop}`);
  const cells = line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
  expect(cells).toHaveLength(4);
  return { type: cells[1], default: cells[2], description: cells[3] };
}

describe('docs/constructs.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');

  it('is up to date with the TSDoc in lib/ (node scripts/generate-construct-docs.js --check)', () => {
    // No warnings either: every construct in lib/ has its place in the generator's fixed order.
    expect(run('--check')).toMatchObject({ status: 0, stderr: '' });
  });

  it('says it is generated and must not be edited by hand', () => {
    const head = doc.split('\n').slice(0, 10).join('\n');
    expect(head).toContain('node scripts/generate-construct-docs.js');
    expect(head).toMatch(/do not edit by hand/i);
  });

  it('has one section per construct, in the fixed order, each in the table of contents', () => {
    const constructs = EXPORTED_CONSTRUCTS;
    const sections = doc.split('\n').filter((l) => l.startsWith('## ') && l !== '## Contents');
    expect(sections).toEqual(constructs.map((c) => `## ${c}`));
    for (const c of constructs) expect(section(doc, '## Contents').join('\n')).toContain(`[${c}](#${c.toLowerCase()})`);
  });

  it('carries the defaults, types and descriptions over from the TSDoc', () => {
    const aws = section(doc, '## AwsDerpRelay');
    expect(row(aws, 'instanceType')).toMatchObject({ type: '`string`', default: "`'t4g.small'`" });
    expect(row(aws, 'instanceType').description).toMatch(/^Instance type\. derper needs little CPU/);
    expect(row(aws, 'rootVolumeSizeGiB').default).toBe('`16`');
    // Required props say so; props of the base interface are there, marked as inherited.
    expect(row(aws, 'amiId').default).toBe('required');
    expect(row(aws, 'hostname')).toMatchObject({ type: '`string`', default: 'required' });
    expect(row(aws, 'hostname').description).toContain('_(from `DerpRelayBaseProps`)_');
    // Prose defaults stay prose; {@link x} becomes `x`.
    expect(row(aws, 'roleName').default).toBe('`derp-relay-<nodeName>`');
    expect(row(aws, 'vpcId').description).toMatch(/^VPC of `subnetId`;/);

    expect(row(section(doc, '## SecretStore'), 'recoveryWindowInDays').default).toBe('`30`');
    // The default architecture is the default instance type's (t3.small: x86_64).
    expect(row(section(doc, '## AwsMonitoring'), 'amiArchitecture').default).toBe("`'x86_64'` (what the default instance type, t3.small, runs)");
    const joinKey = section(doc, '## NodeJoinKey');
    expect(row(joinKey, 'expirySeconds').default).toBe('`3600`');
    expect(row(joinKey, 'nodeRole').default).toBe('required');
    expect(row(section(doc, '## AlertTopic'), 'emails').default).toBe('none: add subscriptions elsewhere, or nobody is notified');

    const fleet = section(doc, '## DerpFleet');
    expect(row(fleet, 'nodeAddresses')).toMatchObject({ type: "`'relays' \\| 'dns'`", default: "`'relays'`" });
    expect(row(fleet, 'omitDefaultRegions').default).toBe("`false`: Tailscale's regions stay available as a fallback");
  });

  it('lists sub-prop interfaces as their own tables under the construct that uses them', () => {
    const awsMonitoring = section(doc, '#### AwsMonitoringServerProps');
    expect(awsMonitoring.join('\n')).toContain('Type of `MonitoringProps.aws`');
    expect(row(awsMonitoring, 'rootVolumeSizeGiB').default).toBe('`20`');
    expect(row(section(doc, '#### DigitalOceanMonitoringServerProps'), 'joinKeyExpirySeconds').default).toBe('`3600`');
    // Both sit in the Monitoring section; a later construct using one links back instead of repeating it.
    expect(section(doc, '## Monitoring')).toEqual(expect.arrayContaining(['#### AwsMonitoringServerProps', '#### DigitalOceanMonitoringServerProps']));
    expect(section(doc, '## DropletHealthAlerts').join('\n')).toContain('[`DropletHealthThresholds`](#droplethealththresholds)');
  });
});

describe('scripts/generate-construct-docs.js', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'construct-docs-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--check fails, naming the first differing line, when the file differs from the TSDoc', () => {
    const out = path.join(tmp, 'constructs.md');
    expect(run('--out', out)).toMatchObject({ status: 0 });
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(DOC, 'utf8'));
    expect(run('--check', '--out', out)).toMatchObject({ status: 0 });

    const lines = fs.readFileSync(out, 'utf8').split('\n');
    const edited = lines.findIndex((l) => l.includes("`'t4g.small'`"));
    lines[edited] = lines[edited].replace("`'t4g.small'`", "`'t4g.nano'`");
    fs.writeFileSync(out, lines.join('\n'));
    const stale = run('--check', '--out', out);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is out of date');
    expect(stale.stderr).toContain(`run node scripts/generate-construct-docs.js`);
    expect(stale.stderr).toContain(`first difference at line ${edited + 1}`);

    fs.rmSync(out);
    expect(run('--check', '--out', out)).toMatchObject({ status: 1, stderr: expect.stringContaining('does not exist') });
  });

  it('marks gaps in the TSDoc, follows extends and re-exports, and lists sub-prop interfaces', () => {
    // A tiny source tree: the generator only parses it, so nothing here has to compile.
    const lib = path.join(tmp, 'fixture', 'lib');
    fs.mkdirSync(path.join(lib, 'widget'), { recursive: true });
    fs.mkdirSync(path.join(lib, 'shapes'), { recursive: true });
    fs.writeFileSync(path.join(lib, 'shapes', 'index.ts'), "export * from './shape';\n");
    fs.writeFileSync(
      path.join(lib, 'shapes', 'shape.ts'),
      ['/** A shape. */', 'export interface Shape {', '  /** Corners. @default 4 */', '  readonly sides?: number;', '}', ''].join('\n'),
    );
    fs.writeFileSync(
      path.join(lib, 'widget', 'widget.ts'),
      [
        "import { Construct } from 'constructs';",
        "import type { Shape } from '../shapes';",
        'export interface WidgetBaseProps {',
        '  /** Name of the widget. */',
        '  readonly name: string;',
        '}',
        'export interface WidgetProps extends WidgetBaseProps {',
        '  /**',
        '   * Size in GiB.',
        '   * @default 8',
        '   */',
        '  readonly size?: number;',
        '  /** Colour; its default is not documented. */',
        '  readonly colour?: string;',
        '  readonly shape: Shape;',
        '}',
        '/** A widget, sized by {@link WidgetProps.size}. */',
        'export class Widget extends Construct {',
        '  constructor(scope: Construct, id: string, props: WidgetProps) {',
        '    super(scope, id);',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const out = path.join(tmp, 'fixture.md');
    const result = run('--lib', lib, '--out', out);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Widget (lib/widget/widget.ts) is not in CONSTRUCT_ORDER');

    const md = fs.readFileSync(out, 'utf8');
    const widget = section(md, '## Widget');
    expect(widget).toContain('A widget, sized by `WidgetProps.size`.');
    expect(row(widget, 'name')).toEqual({ type: '`string`', default: 'required', description: 'Name of the widget. _(from `WidgetBaseProps`)_' });
    expect(row(widget, 'size')).toEqual({ type: '`number`', default: '`8`', description: 'Size in GiB.' });
    expect(row(widget, 'colour').default).toBe('**undocumented default**');
    expect(row(widget, 'shape')).toEqual({ type: '`Shape`', default: 'required', description: '**undocumented**' });
    const shape = section(md, '#### Shape');
    expect(shape).toContain('Type of `WidgetProps.shape`; declared in `lib/shapes/shape.ts`.');
    expect(row(shape, 'sides')).toEqual({ type: '`number`', default: '`4`', description: 'Corners.' });

    const gaps = run('--lib', lib, '--gaps');
    expect(gaps.status).toBe(0);
    expect(gaps.stdout.trim().split('\n')).toEqual([
      'lib/widget/widget.ts: WidgetProps.colour: optional without @default',
      'lib/widget/widget.ts: WidgetProps.shape: no description',
    ]);
  });

  it('exits 2, not 1, when it cannot run', () => {
    expect(run('--bogus')).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown argument '--bogus'") });
  });
});
