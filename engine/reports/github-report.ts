/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file it came from
 * (`::error file=…,title=…::message`). Properties and data are escaped as the runner expects
 * (actions/toolkit `command.ts`): `%`, CR and LF in both, and `:` and `,` in properties as well. Names and
 * messages from the input have their control characters escaped first (`printable`), as in every format:
 * an annotation never carries an ESC sequence, and only the report's own line break becomes `%0A`.
 *
 * GitHub turns at most 10 commands of each kind per step into annotations (actions/toolkit
 * `docs/problem-matchers.md`: 10 errors, 10 warnings, 10 notices per step, 50 per job) and drops the rest
 * from the summary without a word. Every finding is still written (the step's log keeps them all); when a
 * kind passes the limit, a notice saying so comes first, so it is one of the notices shown.
 */
import type { Violation } from '../types';
import type { ReportInput } from './report-input';
import { errorsOf, warningsOf } from './report-input';
import { TOOL_NAME } from '../version';
import { printable as safe } from '../printable';
import type { ReportSink } from './report-sink';

/** The commands, written to `sink` one at a time (see report-sink). */
export function writeGithubReport({ result }: ReportInput, sink: ReportSink): void {
  const emit = (kind: CommandKind, properties: Record<string, string | undefined>, message: string): void => {
    sink.write(`${command(kind, properties, message)}\n`);
  };
  // Counted before anything is written: the notice about them comes first.
  const errors = errorsOf(result).length;
  const warnings = warningsOf(result).length;
  const overflow = annotationOverflow({
    error: errors,
    warning: warnings + result.invalidSuppressions.length,
    notice: result.suppressed.length + (result.uncoveredTypes.length > 0 ? 1 : 0),
  });
  if (overflow) sink.write(`${overflow}\n`);
  for (const v of result.violations) {
    emit(v.severity, { file: optional(v.file), line: v.line?.toString(), col: v.column?.toString(), title: titleOf(v) }, `${safe(v.message)}\nFix: ${safe(v.fix)}`);
  }
  for (const { violation: v, suppression: s } of result.suppressed) {
    emit(
      'notice',
      { file: optional(v.file), title: `suppressed [${safe(v.ruleId)}] ${safe(v.stack)} ${safe(v.address)}` },
      `${safe(s.reason)}${s.expires ? ` (until ${safe(s.expires)})` : ''}`,
    );
  }
  const files = new Map(result.stacks.map((s) => [s.name, s.file]));
  for (const s of result.invalidSuppressions) {
    emit('warning', { file: optional(files.get(s.stack)), title: `invalid suppression in ${safe(s.stack)} (not honoured)` }, safe(s.problem));
  }
  if (result.uncoveredTypes.length > 0) {
    emit('notice', { title: 'resource types no active rule covers' }, result.uncoveredTypes.map((u) => `${safe(u.type)} x${u.count}`).join(', '));
  }
  sink.write(
    `${TOOL_NAME}: ${errors} error(s), ${warnings} warning(s), ${result.suppressed.length} suppressed ` +
      `(${result.stacks.length} stack(s), ${result.resourcesChecked} resource(s), ${result.rules.length} rule(s), ${result.profile})\n`,
  );
}

type CommandKind = 'error' | 'warning' | 'notice';

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_SHOWN_PER_KIND = 10;

/** A notice that more commands were written than GitHub shows as annotations; undefined when all are shown. */
function annotationOverflow(written: Readonly<Record<CommandKind, number>>): string | undefined {
  if (written.error <= ANNOTATIONS_SHOWN_PER_KIND && written.warning <= ANNOTATIONS_SHOWN_PER_KIND && written.notice <= ANNOTATIONS_SHOWN_PER_KIND) return undefined;
  return command(
    'notice',
    { title: `${TOOL_NAME}: more findings than GitHub shows as annotations` },
    `GitHub shows ${ANNOTATIONS_SHOWN_PER_KIND} annotations of each kind per step (50 per job); this step wrote ` +
      `${written.error} error, ${written.warning} warning and ${written.notice} notice commands. Every one is in this step's log; ` +
      'for all of them in one view, upload --format sarif to code scanning.',
  );
}

function titleOf(v: Violation): string {
  const kind = v.kind === 'unknown' ? ' (unknown value)' : v.kind === 'expired-suppression' ? ' (suppression expired)' : v.kind === 'rule-error' ? ' (rule failed)' : '';
  return `[${safe(v.ruleId)}] ${safe(v.stack)} ${safe(v.address)}${kind}`;
}

function optional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : safe(text);
}

/** One workflow command line. Properties without a value are left out. */
export function command(name: CommandKind, properties: Record<string, string | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
