/**
 * The catalog is assembled so that a rule file cannot exist without being registered: every module under
 * rules/** is loaded, and every rule it exports must be in `builtInRules`; every registered rule lives
 * in a file of its own, named after its id. A file that calls `defineRule(` must export a registered rule,
 * unless it is a rule factory (it exports the function that calls defineRule, and the rule files call it).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Rule } from '../../engine/rule';
import { builtInRules } from '../../rules';
import { findings } from '../helpers/rule-harness';

const rulesDir = path.resolve(__dirname, '..', '..', 'rules');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Rule).id === 'string' &&
  typeof (value as Rule).check === 'function' &&
  Array.isArray((value as Rule).resourceTypes);

/** Every module under rules/ with the rules it exports (index files re-export lists, not rules). */
const modules = sourceFiles(rulesDir).map((file) => {
  const exports = require(file) as Record<string, unknown>;
  const rules = Object.values(exports).filter(isRule);
  const text = fs.readFileSync(file, 'utf8');
  return {
    file: path.relative(rulesDir, file),
    rules,
    callsDefineRule: /\bdefineRule\(/.test(text),
    exportsFunction: Object.values(exports).some((v) => typeof v === 'function'),
  };
});

describe('rule registration', () => {
  test('every rule exported from a file under rules/ is registered in builtInRules', () => {
    const unregistered = modules.flatMap((m) => m.rules.filter((r) => !builtInRules.includes(r)).map((r) => `${m.file}: ${r.id}`));
    expect(unregistered).toEqual([]);
  });

  test('a file that calls defineRule( exports a registered rule, or is a rule factory', () => {
    const orphans = modules.filter((m) => m.callsDefineRule && m.rules.length === 0 && !m.exportsFunction).map((m) => m.file);
    expect(orphans).toEqual([]);
  });

  test('one rule per file, and the file is named after the rule id', () => {
    const files = new Map<Rule, string[]>();
    for (const m of modules) for (const r of m.rules) files.set(r, [...(files.get(r) ?? []), m.file]);
    const problems = builtInRules.flatMap((rule) => {
      const where = files.get(rule) ?? [];
      if (where.length !== 1) return [`${rule.id}: exported from ${where.length === 0 ? 'no file' : where.join(', ')}`];
      return path.basename(where[0], '.ts') === rule.id ? [] : [`${rule.id}: lives in ${where[0]}`];
    });
    expect(problems).toEqual([]);
    expect(modules.filter((m) => m.rules.length > 1).map((m) => m.file)).toEqual([]);
  });

  test('the rule harness refuses a rule that is not registered (custom rules go through options.customRules)', () => {
    const stray: Rule = { ...builtInRules[0], id: 'stray-rule' };
    expect(() => findings(stray, {})).toThrow(/rule 'stray-rule' is not registered in builtInRules/);
    // A copy of a registered rule is not the registered rule: the copy's check is what would be tested.
    const copy: Rule = { ...builtInRules[0] };
    expect(() => findings(copy, {})).toThrow(/a different object with the same id is/);
    expect(() => findings(stray, {}, { customRules: [stray] })).not.toThrow();
  });
});
