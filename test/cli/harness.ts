/**
 * Runs the CLI in-process (fast: no node start-up per case) with fake streams, and writes input files
 * into a fresh temporary directory. `only(...)` turns every other rule off, so these tests keep meaning
 * the same thing while the catalog grows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../cli/run';
import { builtInRules } from '../../rules';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
}

export async function cli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    readStdin: async () => {
      if (options.stdin === undefined) throw new Error('test gave no stdin');
      return options.stdin;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

/** `--rule X=off` for every built-in rule except `ids`. */
export function only(...ids: string[]): string[] {
  for (const id of ids) if (!builtInRules.some((r) => r.id === id)) throw new Error(`no rule ${id}`);
  return builtInRules.filter((r) => !ids.includes(r.id)).flatMap((r) => ['--rule', `${r.id}=off`]);
}

export function tempDir(prefix = 'cli-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Write `files` (name → JSON value, or raw string) under `dir`; returns dir. */
export function writeFiles(dir: string, files: Record<string, unknown>): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** One-line, trace-free stderr: what every bad input must produce. */
export function expectOneLineError(run: CliRun, ...fragments: (string | RegExp)[]): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cdktf-guardrails: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const f of fragments) expect(lines[0]).toMatch(f);
}

/** A Terraform JSON stack as cdktf writes it (with `//` metadata), for `resource` bodies given. */
export function cdktfStack(
  stack: string,
  resource: Record<string, Record<string, Record<string, unknown>>>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const withMeta: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [type, byName] of Object.entries(resource)) {
    withMeta[type] = {};
    for (const [name, body] of Object.entries(byName)) {
      withMeta[type][name] = { '//': { metadata: { path: `${stack}/${name}`, uniqueId: name } }, ...body };
    }
  }
  return {
    '//': { metadata: { backend: 'local', stackName: stack, version: '0.21.0' }, outputs: {} },
    provider: { aws: [{ region: 'eu-west-1' }] },
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    resource: withMeta,
    ...extra,
  };
}

/** A cdktf output dir (manifest.json + stacks/<name>/cdk.tf.json). */
export function cdktfOut(dir: string, stacks: Record<string, Record<string, unknown>>): string {
  const manifest = {
    version: '0.21.0',
    stacks: Object.fromEntries(
      Object.keys(stacks).map((name) => [
        name,
        {
          name,
          constructPath: name,
          synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
          workingDirectory: `stacks/${name}`,
          annotations: [],
          dependencies: [],
        },
      ]),
    ),
  };
  writeFiles(dir, { 'manifest.json': manifest, ...Object.fromEntries(Object.entries(stacks).map(([n, doc]) => [`stacks/${n}/cdk.tf.json`, doc])) });
  return dir;
}

export const ENCRYPTION = 'volume-encryption-required';
export const PUBLIC_IP = 'public-ip-requires-approval';
