/**
 * The report a person reads at a glance: findings grouped by stack, then rule (with the rule's fix once),
 * then one line per resource; then what was suppressed, expired, malformed or not covered; then one
 * summary line. Colour is the caller's decision (a TTY with NO_COLOR unset), never forced into files.
 *
 * Every name and message from the input is printed with control characters escaped (`printable`), so it
 * stays on its line and cannot drive the terminal; and no line starts a GitHub workflow command (`::`).
 */
import { styleText } from 'util';
import type { RuleMetadata } from '../rule';
import type { Severity } from '../types';
import type { ReportInput } from './report-input';
import { errorsOf, warningsOf } from './report-input';
import { TOOL_NAME } from '../version';
import { noCommandLines, notACommand, printable as safe } from '../printable';
import type { ReportSink } from './report-sink';

export interface TextReportOptions {
  /** ANSI colour. @default false */
  readonly color?: boolean;
}

type Style = Parameters<typeof styleText>[0];

/** The report, written to `sink` a line at a time (see report-sink). */
export function writeTextReport({ result, rules }: ReportInput, sink: ReportSink, options: TextReportOptions = {}): void {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const meta = new Map<string, RuleMetadata>(rules.map((r) => [r.id, r]));
  const severityLabel = (s: Severity): string => (s === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning'));
  // Each line is made safe as it is written (no line of the report starts a workflow command), rather than
  // splitting the finished report into lines again: a report of 50,000 findings is 100,000 lines.
  const line = (...texts: string[]): void => {
    for (const text of texts) sink.write(`${text.includes('\n') ? noCommandLines(text) : notACommand(text)}\n`);
  };
  const lastFile = { file: '', shown: '' };
  const fileOf = (file: string): string => {
    if (file !== lastFile.file) [lastFile.file, lastFile.shown] = [file, safe(file)];
    return lastFile.shown;
  };

  const stackFiles = new Map(result.stacks.map((s) => [s.name, s.file]));
  const byStack = groupBy(result.violations, (v) => v.stack);
  for (const [stack, findings] of byStack) {
    const file = stackFiles.get(stack);
    line(`${paint('bold', safe(stack))}${file ? paint('dim', `  ${safe(file)}`) : ''}`);
    for (const [ruleId, ruleFindings] of groupBy(findings, (v) => v.ruleId)) {
      const rule = meta.get(ruleId);
      const worst: Severity = ruleFindings.some((v) => v.severity === 'error') ? 'error' : 'warning';
      line(`  ${severityLabel(worst)} ${paint('bold', safe(ruleId))}${rule ? `  ${safe(rule.title)}` : ''}`);
      for (const v of ruleFindings) {
        const tag = v.kind === 'unknown' ? ' (unknown value)' : v.kind === 'expired-suppression' ? ' (suppression expired)' : v.kind === 'rule-error' ? ' (rule failed)' : '';
        const level = v.severity === worst ? '' : ` [${v.severity}]`;
        const where = v.constructPath && v.constructPath !== v.stack ? paint('dim', `  (${safe(v.constructPath)})`) : '';
        const at = v.line !== undefined ? paint('dim', `  ${fileOf(v.file ?? '')}:${v.line}`) : '';
        line(`    ${paint('cyan', safe(v.address))}${tag}${level}${where}${at}`);
        line(`      ${v.attribute ? `${safe(v.attribute)}: ` : ''}${safe(v.message)}`);
      }
      line(`    ${paint('green', 'fix:')} ${safe(ruleFindings[0].fix)}`);
    }
    line('');
  }
  if (result.violations.length === 0) line(paint('green', 'No findings.'), '');

  if (result.suppressed.length > 0) {
    line(paint('bold', `Suppressed (${result.suppressed.length}):`));
    for (const { violation: v, suppression: s } of result.suppressed) {
      line(`  ${safe(v.stack)} ${safe(v.address)} [${safe(v.ruleId)}]: "${safe(s.reason)}"${s.expires ? ` (until ${safe(s.expires)})` : ''}`);
    }
    line('');
  }
  const expired = result.violations.filter((v) => v.kind === 'expired-suppression');
  if (expired.length > 0) {
    line(paint('bold', `Expired suppressions (${expired.length}), reported above again:`));
    for (const v of expired) {
      line(`  ${safe(v.stack)} ${safe(v.address)} [${safe(v.ruleId)}]: "${safe(v.suppression?.reason ?? '')}" expired on ${safe(v.suppression?.expires ?? '?')}`);
    }
    line('');
  }
  if (result.invalidSuppressions.length > 0) {
    line(paint('bold', `Invalid suppressions, not honoured (${result.invalidSuppressions.length}):`));
    for (const s of result.invalidSuppressions) line(`  ${safe(s.stack)}: ${safe(s.problem)}`);
    line('');
  }
  if (result.approvedModules.length > 0) {
    line(paint('bold', `Modules let through by approvedModules (${result.approvedModules.length}):`));
    for (const a of result.approvedModules) {
      line(`  ${safe(a.stack)} ${safe(a.address)}: ${safe(a.source)}${a.version ? `@${safe(a.version)}` : ''}: "${safe(a.reason)}"`);
    }
    line('');
  }
  if (result.changes.length > 0) {
    line(paint('bold', 'Rule levels changed from the profile:'));
    for (const c of result.changes) line(`  ${safe(c.ruleId)}: ${c.from} -> ${c.to}`);
    line('');
  }
  const uncoveredTypes = result.uncoveredTypes;
  if (uncoveredTypes.length > 0) {
    line(paint('bold', `Not covered by any active rule (${uncoveredTypes.length} type(s)):`));
    line(`  ${uncoveredTypes.map((u) => `${safe(u.type)} x${u.count}`).join(', ')}`);
    line('');
  }
  line(summaryLine(result, paint));
}

function summaryLine(result: ReportInput['result'], paint: (s: Style, t: string) => string): string {
  const errors = errorsOf(result).length;
  const warnings = warningsOf(result).length;
  const unknown = result.violations.filter((v) => v.kind === 'unknown').length;
  const expired = result.violations.filter((v) => v.kind === 'expired-suppression').length;
  const counts = [
    paint(errors > 0 ? ['bold', 'red'] : 'green', plural(errors, 'error')),
    paint(warnings > 0 ? ['bold', 'yellow'] : 'green', plural(warnings, 'warning')),
    ...(unknown > 0 ? [`${unknown} unknown value${unknown === 1 ? '' : 's'}`] : []),
    `${result.suppressed.length} suppressed`,
    ...(expired > 0 ? [plural(expired, 'expired suppression')] : []),
    ...(result.invalidSuppressions.length > 0 ? [plural(result.invalidSuppressions.length, 'invalid suppression')] : []),
  ];
  return (
    `${TOOL_NAME}: ${counts.join(', ')} ` +
    `(${plural(result.stacks.length, 'stack')}, ${plural(result.resourcesChecked, 'resource')}, ${plural(result.rules.length, 'rule')}, ${result.profile})`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Group preserving first-seen order (the engine already orders by stack, address, rule). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
