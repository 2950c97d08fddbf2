/**
 * The README's quick start, word for word: the TypeScript block is transpiled and run (with the package
 * name pointing at this checkout) in an empty directory, as a newcomer would run it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

function codeBlockAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`no ts block after ${heading}`);
  return match[1];
}

function runSnippet(source: string): { status: number; out: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  // `cdktf-guardrails` is this checkout, as built by `npm run build`; cdktf and the providers come from its node_modules.
  fs.writeFileSync(path.join(dir, 'main.js'), js.replace(/require\("cdktf-guardrails"\)/g, `require(${JSON.stringify(path.join(root, 'dist', 'index.js'))})`));
  const r = spawnSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), CDKTF_GUARDRAILS_QUIET: '1' } });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}`, dir };
}

describe('README quick start', () => {
  test('synthesizes as written, with the strict profile', () => {
    if (!fs.existsSync(path.join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    const { status, out, dir } = runSnippet(codeBlockAfter('## Quick start'));
    expect(out).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'guardrails', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ profile: 'strict', summary: { errors: 0, warnings: 0 } });
  });

  test('and is refused when its volume is not encrypted (the snippet really is checked)', () => {
    const { status, out } = runSnippet(codeBlockAfter('## Quick start').replace('encrypted: true', 'encrypted: false'));
    expect(status).not.toBe(0);
    expect(out).toContain('[volume-encryption-required]');
  });
});
