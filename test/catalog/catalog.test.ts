import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs } from '../../engine/docs/rule-docs';
import { resolveOptions } from '../../engine/options';
import { validateRuleDefinition } from '../../engine/rule-validation';
import { builtInRules } from '../../rules';
import { exampleFindings } from '../helpers/examples';

const root = path.resolve(__dirname, '..', '..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name)) : [e.name]));
}

describe('the built-in catalog', () => {
  test('has unique, well-formed rules', () => {
    const ids = builtInRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of builtInRules) {
      expect(() => validateRuleDefinition(rule, 'catalog')).not.toThrow();
      expect(rule.profile).toBeDefined();
      expect(rule.category).toBeDefined();
      for (const id of rule.references?.checkov ?? []) expect(id).toMatch(/^CKV2?_(AWS|DIO)_\d+$/);
      // Only exact types count as coverage; every rule covers at least one exact type.
      expect(rule.resourceTypes.some((t) => !t.endsWith('*'))).toBe(true);
    }
  });

  test.each(builtInRules.map((r) => [r.id, r] as const))('%s: its failing example fails and its passing example passes', (_id, rule) => {
    expect(rule.examples).toBeDefined();
    expect(exampleFindings(rule, 'failing').length).toBeGreaterThan(0);
    expect(exampleFindings(rule, 'passing')).toEqual([]);
  });

  test('every rule has its own test file (test/rules/**/<id>.test.ts)', () => {
    const files = new Set(testFiles(path.join(root, 'test', 'rules')));
    const missing = builtInRules.map((r) => r.id).filter((id) => !files.has(`${id}.test.ts`));
    expect(missing).toEqual([]);
  });

  test('baseline and strict profiles: strict runs every rule, baseline a subset', () => {
    const strict = resolveOptions({ profile: 'strict' }, builtInRules);
    const baseline = resolveOptions({ profile: 'baseline' }, builtInRules);
    expect(strict.active).toHaveLength(builtInRules.length);
    expect(baseline.active.length).toBe(builtInRules.filter((r) => r.profile === 'baseline').length);
    expect(baseline.off.every((o) => o.reason === 'not-in-profile')).toBe(true);
  });

  test('docs/rules.md is generated from the metadata and up to date (run `npm run docs`)', () => {
    const committed = fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(renderRuleDocs(builtInRules));
  });
});
