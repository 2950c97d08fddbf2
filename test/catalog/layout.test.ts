/**
 * The layout says what it is: `engine/` and `rules/` know nothing about cdktf, cdktn or any provider
 * package (both entry points feed them the same plain shapes); only `aspects/`, `lib/`, `stacks/` and
 * `testing/` may. The one package under @cdktf/ the engine uses is HashiCorp's HCL parser.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FORBIDDEN = /^(cdktf|cdktn|constructs)(\/|$)|^@(cdktf|cdktn)\/(?!hcl2json$)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require(?:\.resolve)?\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

test.each(['engine', 'rules'])('%s/ imports no cdktf, cdktn, constructs or provider package, and nothing from lib/ or aspects/', (dir) => {
  const offending = sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
    importsOf(file)
      .filter(
        (spec) =>
          FORBIDDEN.test(spec) ||
          (spec.startsWith('.') && /^(lib|aspects|stacks|testing|cli)\//.test(path.relative(ROOT, path.resolve(path.dirname(file), spec)))),
      )
      .map((spec) => `${path.relative(ROOT, file)}: ${spec}`),
  );
  expect(offending).toEqual([]);
});

test('the check itself finds such an import (so the test above can fail)', () => {
  expect(FORBIDDEN.test('cdktf')).toBe(true);
  expect(FORBIDDEN.test('@cdktf/provider-aws/lib/instance')).toBe(true);
  expect(FORBIDDEN.test('@cdktn/provider-aws')).toBe(true);
  expect(FORBIDDEN.test('@cdktf/hcl2json')).toBe(false);
  expect(importsOf(path.join(ROOT, 'aspects', 'app-guard.ts'))).toContain('cdktf');
});
