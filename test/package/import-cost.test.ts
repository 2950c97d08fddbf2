/**
 * Importing our package must never load a provider package's root index (~2.6 s, ~540 MB for AWS).
 * Checked on the built output (npm test builds first) in a fresh process, via require.cache.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const ROOT_INDEX = /@cdktf[\\/]provider-[a-z-]+[\\/]lib[\\/]index\.js$/;

function loadedRootIndexes(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`requiring ${entry} failed:\n${r.stderr}`);
  return (JSON.parse(r.stdout) as string[]).filter((k) => ROOT_INDEX.test(k));
}

const entries = ['dist/index.js', 'dist/testing/index.js', 'dist/cli/run.js'];

describe('import cost', () => {
  test.each(entries)('%s loads no provider root index', (entry) => {
    const file = path.join(root, entry);
    if (!fs.existsSync(file)) throw new Error(`${entry} is missing: run \`npm run build\` (npm test does it first)`);
    expect(loadedRootIndexes(file)).toEqual([]);
  });

  test('the check itself can fail: requiring the provider root index is detected', () => {
    expect(loadedRootIndexes('@cdktf/provider-digitalocean').length).toBe(1);
  });

  test('no source file imports a provider root index', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /from ['"]@cdktf\/provider-[a-z-]+['"]|require\(['"]@cdktf\/provider-[a-z-]+['"]\)/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(p);
      }
    };
    for (const dir of ['lib', 'aspects', 'engine', 'rules', 'stacks', 'cli', 'testing']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
