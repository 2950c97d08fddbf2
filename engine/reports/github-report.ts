/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file it came from
 * (`::error file=…,title=…::message`). Properties and data are escaped as the runner expects
 * (actions/toolkit `command.ts`): `%`, CR and LF in both, and `:` and `,` in properties as well. Names and
 * messages from the input have their control characters escaped first (`printable`), as in every format:
 * an annotation never carries an ESC sequence, and only the report's own line break becomes `%0A`.
 */
import type { Violation } from '../types';
import type { ReportInput } from './report-input';
import { errorsOf, warningsOf } from './report-input';
import { TOOL_NAME } from '../version';
import { printable as safe } from '../printable';

export function renderGithubReport({ result }: ReportInput): string {
  const lines: string[] = [];
  for (const v of result.violations) {
    lines.push(
      command(v.severity, { file: optional(v.file), line: v.line?.toString(), col: v.column?.toString(), title: titleOf(v) }, `${safe(v.message)}\nFix: ${safe(v.fix)}`),
    );
  }
  for (const { violation: v, suppression: s } of result.suppressed) {
    lines.push(
      command(
        'notice',
        { file: optional(v.file), title: `suppressed [${safe(v.ruleId)}] ${safe(v.stack)} ${safe(v.address)}` },
        `${safe(s.reason)}${s.expires ? ` (until ${safe(s.expires)})` : ''}`,
      ),
    );
  }
  const files = new Map(result.stacks.map((s) => [s.name, s.file]));
  for (const s of result.invalidSuppressions) {
    lines.push(command('warning', { file: optional(files.get(s.stack)), title: `invalid suppression in ${safe(s.stack)} (not honoured)` }, safe(s.problem)));
  }
  if (result.uncoveredTypes.length > 0) {
    lines.push(command('notice', { title: 'resource types no active rule covers' }, result.uncoveredTypes.map((u) => `${safe(u.type)} x${u.count}`).join(', ')));
  }
  lines.push(
    `${TOOL_NAME}: ${errorsOf(result).length} error(s), ${warningsOf(result).length} warning(s), ${result.suppressed.length} suppressed ` +
      `(${result.stacks.length} stack(s), ${result.resourcesChecked} resource(s), ${result.rules.length} rule(s), ${result.profile})`,
  );
  return `${lines.join('\n')}\n`;
}

function titleOf(v: Violation): string {
  const kind = v.kind === 'unknown' ? ' (unknown value)' : v.kind === 'expired-suppression' ? ' (suppression expired)' : v.kind === 'rule-error' ? ' (rule failed)' : '';
  return `[${safe(v.ruleId)}] ${safe(v.stack)} ${safe(v.address)}${kind}`;
}

function optional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : safe(text);
}

/** One workflow command line. Properties without a value are left out. */
export function command(name: 'error' | 'warning' | 'notice', properties: Record<string, string | undefined>, message: string): string {
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
