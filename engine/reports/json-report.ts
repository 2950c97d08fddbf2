/** report.json: the whole evaluation as data, for tools and for people who want every detail. */
import type { ReportInput } from './report-input';
import { errorsOf, warningsOf } from './report-input';
import { TOOL_NAME } from '../version';
import { jsonWithoutCommands } from '../printable';
import { mapped, streamedArray, writeJson, type ReportSink } from './report-sink';

/** The report, written to `sink` a finding at a time (see report-sink). */
export function writeJsonReport({ result, rules, toolVersion }: ReportInput, sink: ReportSink): void {
  const violations = streamedArray('violations');
  const suppressed = streamedArray('suppressed');
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
    violations,
    suppressed,
    invalidSuppressions: result.invalidSuppressions,
    approvedModules: result.approvedModules,
    uncoveredTypes: result.uncoveredTypes,
    catalog: rules.filter((r) => !ruleIds.has(r.id)).map((r) => r.id),
  };
  const streamed = new Map<string, Iterable<unknown>>([
    [violations, result.violations],
    [suppressed, mapped(result.suppressed, (s) => ({ ...s.violation, suppression: s.suppression }))],
  ]);
  writeJson(report, streamed, sink, jsonWithoutCommands);
}
