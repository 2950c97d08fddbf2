/**
 * Helpers for the tests that run real tools (cloud-init, shellcheck, bash, systemd-analyze, nft).
 * A missing tool skips its test with a console.warn naming the tool: visible, never a silent pass.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const available = new Map<string, boolean>();

/** `command -v <tool>` succeeds. */
export function hasTool(tool: string): boolean {
  let found = available.get(tool);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { stdio: 'ignore' }).status === 0;
    available.set(tool, found);
  }
  return found;
}

/** Declares a test that needs `tools`; skips it, loudly, when any is missing. */
export function itWithTools(tools: readonly string[], name: string, fn: () => void, timeoutMs?: number): void {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length > 0) {
    console.warn(`[test/boot] SKIPPED "${name}": ${missing.join(', ')} not found (command -v); install it to run this check.`);
    it.skip(name, fn);
    return;
  }
  it(name, fn, timeoutMs);
}

/** Runs a tool with explicit args; never through a shell. */
export function run(tool: string, args: readonly string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 30_000, ...options });
  if (result.error) throw result.error;
  return result;
}

/** Writes files into a fresh temp directory, runs `fn(dir)`, then removes the directory. */
export function withTempFiles<T>(files: Readonly<Record<string, string>>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'boot-test-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses "Overall exposure level for X: 1.4 OK" from `systemd-analyze security`. */
export function exposureOf(unitPath: string): { level: number; stderr: string; stdout: string } {
  const result = run('systemd-analyze', ['security', '--offline=true', '--no-pager', unitPath]);
  const match = /Overall exposure level for \S+: ([0-9]+(?:\.[0-9]+)?)/.exec(result.stdout);
  if (result.status !== 0 || !match) {
    throw new Error(`systemd-analyze security failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { level: Number(match[1]), stderr: result.stderr, stdout: result.stdout };
}
