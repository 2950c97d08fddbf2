import type { EvaluationResult } from './evaluate';

/** One result from several (stacks enforced with different options): everything listed, nothing lost. */
export function mergeResults(results: readonly EvaluationResult[]): EvaluationResult {
  const [first] = results;
  const rules = new Map<string, EvaluationResult['rules'][number]>();
  for (const r of results.flatMap((x) => x.rules)) {
    const seen = rules.get(r.id);
    if (!seen || (seen.level === 'warning' && r.level === 'error')) rules.set(r.id, r);
  }
  const uncovered = new Map<string, { count: number; stacks: Set<string> }>();
  for (const u of results.flatMap((x) => x.uncoveredTypes)) {
    const e = uncovered.get(u.type) ?? { count: 0, stacks: new Set<string>() };
    e.count += u.count;
    u.stacks.forEach((s) => e.stacks.add(s));
    uncovered.set(u.type, e);
  }
  return {
    profile: results.some((r) => r.profile === 'strict') ? 'strict' : first.profile,
    unknownValues: results.some((r) => r.unknownValues === 'error') ? 'error' : 'warning',
    today: first.today,
    stacks: results.flatMap((r) => r.stacks),
    rules: [...rules.values()],
    off: results.flatMap((r) => r.off).filter((o) => !rules.has(o.ruleId)),
    changes: results.flatMap((r) => r.changes),
    violations: results.flatMap((r) => r.violations),
    suppressed: results.flatMap((r) => r.suppressed),
    invalidSuppressions: results.flatMap((r) => r.invalidSuppressions),
    approvedModules: results.flatMap((r) => r.approvedModules),
    uncoveredTypes: [...uncovered.entries()].map(([type, e]) => ({ type, count: e.count, stacks: [...e.stacks].sort() })),
    resourcesChecked: results.reduce((n, r) => n + r.resourcesChecked, 0),
  };
}
