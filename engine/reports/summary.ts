/** The few lines printed on stderr after a guarded synth. */
import type { EvaluationResult } from '../evaluate';
import { errorsOf, warningsOf } from './report-input';
import { noCommandLines, printable as safe } from '../printable';

export function renderSummary(result: EvaluationResult, reportDir?: string): string {
  const errors = errorsOf(result);
  const warnings = warningsOf(result);
  const lines = [
    `cdktf-guardrails: ${result.stacks.length} stack(s), ${result.resourcesChecked} resource(s), ${result.rules.length} rule(s) (${result.profile}): ` +
      `${errors.length} error(s), ${warnings.length} warning(s), ${result.suppressed.length} suppressed` +
      (result.uncoveredTypes.length ? `, ${result.uncoveredTypes.length} resource type(s) no rule covers` : ''),
  ];
  for (const w of warnings.slice(0, 20)) lines.push(`  warning [${safe(w.ruleId)}] ${safe(w.stack)} ${safe(w.address)}: ${safe(w.message)}`);
  if (warnings.length > 20) lines.push(`  ... and ${warnings.length - 20} more warning(s)`);
  for (const s of result.invalidSuppressions) lines.push(`  invalid suppression in ${safe(s.stack)} (not honoured): ${safe(s.problem)}`);
  if (reportDir) lines.push(`  report: ${safe(reportDir)}`);
  return noCommandLines(lines.join('\n'));
}
