/**
 * The built executable (`dist/cli/main.js`, the package's `bin`), for tests that start it as a process or a
 * worker. `npm test` builds first; a test run on its own rebuilds when the sources are newer than the build.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
export const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Build unless there is a build (`whenStale`: also when a source is newer than it). Mutation testing changes
 * sources on purpose and must not rebuild per mutant: its tests ask for a build only.
 */
export function ensureBuilt(whenStale: boolean): void {
  const stale =
    !fs.existsSync(MAIN) ||
    (whenStale && Math.max(...['cli', 'aspects', 'engine', 'rules'].map((d) => newestSource(path.join(ROOT, d)))) > fs.statSync(MAIN).mtimeMs);
  if (stale) {
    // Someone else's half-written file may fail type checking; tsc still emits, and main.js is what we need.
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      /* checked below */
    }
  }
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} was not built`);
}
