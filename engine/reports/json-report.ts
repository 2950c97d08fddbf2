/** report.json: the whole evaluation as data, for tools and for people who want every detail. */
import type { ReportInput } from './report-input';
import { errorsOf, warningsOf } from './report-input';
import { TOOL_NAME } from '../version';
import { jsonWithoutCommands } from '../printable';

export function renderJsonReport({ result, rules, toolVersion }: ReportInput): string {
  const ruleIds = new Set(result.rules.map((r) => r.id));
  const report = {
    tool: { name: TOOL_NAME, version: toolVersion },
    profile: result.profile,
    unknownValues: result.unknownValues,
    today: result.today,
    summary: {
      stacks: result.stacks.length,
      resourcesChecked: result.resourcesChecked,
      rulesEvaluated: result.rules.length,
      errors: errorsOf(result).length,
      warnings: warningsOf(result).length,
      unknown: result.violations.filter((v) => v.kind === 'unknown').length,
      suppressed: result.suppressed.length,
      expiredSuppressions: result.violations.filter((v) => v.kind === 'expired-suppression').length,
      invalidSuppressions: result.invalidSuppressions.length,
      uncoveredTypes: result.uncoveredTypes.length,
    },
    stacks: result.stacks,
    rulesEvaluated: result.rules.map((r) => {
      const meta = rules.find((m) => m.id === r.id);
      return { ...r, title: meta?.title, resourceTypes: meta?.resourceTypes };
    }),
    rulesOff: result.off,
    levelChanges: result.changes,
    violations: result.violations,
    suppressed: result.suppressed.map((s) => ({ ...s.violation, suppression: s.suppression })),
    invalidSuppressions: result.invalidSuppressions,
    approvedModules: result.approvedModules,
    uncoveredTypes: result.uncoveredTypes,
    catalog: rules.filter((r) => !ruleIds.has(r.id)).map((r) => r.id),
  };
  return jsonWithoutCommands(`${JSON.stringify(report, null, 2)}\n`);
}
