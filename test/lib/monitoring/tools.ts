/** External checkers (promtool, cloud-init, shellcheck, python3): found on PATH, or a clear skip. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function findTool(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found ? found : undefined;
}

/** `test`, or a skipped test plus a console warning naming the missing tool. */
export function testWithTool(tool: string, name: string, fn: (toolPath: string) => void | Promise<void>, timeout?: number): void {
  const found = findTool(tool);
  if (!found) {
    test.skip(`${name} (skipped: ${tool} is not installed)`, () => undefined);
    console.warn(`[skipped] ${name}: ${tool} is not on PATH`);
    return;
  }
  test(
    name,
    async () => {
      await fn(found);
    },
    timeout,
  );
}

/** Run a tool; returns status and combined output. */
export function run(cmd: string, args: string[], input?: string): { status: number; output: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 30000 });
  return { status: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'monitoring-test-'));
}
