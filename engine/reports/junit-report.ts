/**
 * JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure DevOps, CircleCI).
 *
 * One <testsuite> per stack. In it: one <testcase> per (rule, resource) with findings, failed, with every
 * finding's message and the fix in the body; one skipped <testcase> per suppressed (rule, resource) with
 * the reason; one passing <testcase> per rule that ran and found nothing in the stack, so the counts say
 * how much was checked; skipped ones for what no rule could see (module calls, uncovered types); an
 * <error> per suppression that was malformed and not honoured. Warnings are failures too (their `type`
 * says `warning`): the exit code, not the XML, decides whether the build fails.
 *
 * Text from the input (names, addresses, messages, reasons) has its control characters escaped
 * (`printable`) before it goes into the XML: a newline in a name never starts a line of the report.
 */
import { randomUUID } from 'crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { Violation } from '../types';
import type { ReportInput } from './report-input';
import { TOOL_NAME } from '../version';
import { printable } from '../printable';
import type { ReportSink } from './report-sink';

interface TestCase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  failure?: { '@_type': string; '@_message': string; '#text': string };
  skipped?: { '@_message': string };
  error?: { '@_type': string; '@_message': string };
}

/** Test cases built into XML per batch: the whole document is never one string (see report-sink). */
const CASES_PER_BATCH = 1000;

/**
 * The report, written to `sink` a batch of test cases at a time. The document around them is built with
 * one marker test case per suite, which is then replaced by the suite's cases, built in batches inside the
 * same two levels of elements so that each line is indented as in the whole document; the text is the same
 * as building the whole document at once.
 */
export function writeJunitReport({ result, rules, toolVersion }: ReportInput, sink: ReportSink): void {
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const suites = result.stacks.map((stack) => {
    const cases: TestCase[] = [];
    const file = stack.file !== undefined ? { '@_file': xmlText(stack.file) } : {};
    const findings = group(result.violations.filter((v) => v.stack === stack.name));
    for (const [, vs] of findings) {
      const first = vs[0];
      const severity = vs.some((v) => v.severity === 'error') ? 'error' : 'warning';
      cases.push({
        '@_classname': xmlText(`${stack.name}.${first.ruleId}`),
        '@_name': xmlText(first.address),
        ...(first.file !== undefined ? { '@_file': xmlText(first.file) } : file),
        failure: {
          '@_type': severity,
          '@_message': attribute(`[${severity}] ${titles.get(first.ruleId) ?? first.ruleId}: ${first.message}`),
          '#text': xmlChars(failureBody(vs)),
        },
      });
    }
    const suppressed = group(result.suppressed.filter((s) => s.violation.stack === stack.name).map((s) => s.violation));
    const suppressionOf = new Map(result.suppressed.map((s) => [s.violation, s.suppression]));
    for (const [key, vs] of suppressed) {
      if (findings.has(key)) continue; // already a failure for another attribute of the same rule
      const s = suppressionOf.get(vs[0]);
      cases.push({
        '@_classname': xmlText(`${stack.name}.${vs[0].ruleId}`),
        '@_name': xmlText(vs[0].address),
        ...file,
        skipped: { '@_message': attribute(`suppressed: ${s?.reason ?? ''}${s?.expires ? ` (until ${s.expires})` : ''}`) },
      });
    }
    const withResults = new Set([...findings.values(), ...suppressed.values()].map((vs) => vs[0].ruleId));
    for (const rule of result.rules) {
      if (withResults.has(rule.id)) continue;
      cases.push({ '@_classname': xmlText(`${stack.name}.${rule.id}`), '@_name': 'no findings', ...file });
    }
    for (const u of result.uncoveredTypes.filter((x) => x.stacks.includes(stack.name))) {
      cases.push({
        '@_classname': xmlText(`${stack.name}.not-covered`),
        '@_name': xmlText(u.type),
        ...file,
        skipped: { '@_message': attribute(`no active rule covers ${u.type}`) },
      });
    }
    result.invalidSuppressions
      .filter((s) => s.stack === stack.name)
      .forEach((s, i) => {
        cases.push({
          '@_classname': xmlText(`${stack.name}.suppressions`),
          '@_name': `invalid suppression ${i + 1}`,
          ...file,
          error: { '@_type': 'invalid-suppression', '@_message': attribute(`not honoured: ${s.problem}`) },
        });
      });
    return {
      '@_name': xmlText(stack.name),
      '@_tests': cases.length,
      '@_failures': cases.filter((c) => c.failure).length,
      '@_errors': cases.filter((c) => c.error).length,
      '@_skipped': cases.filter((c) => c.skipped).length,
      ...file,
      properties: {
        property: [
          { '@_name': 'source', '@_value': stack.source },
          { '@_name': 'profile', '@_value': result.profile },
          { '@_name': 'resources', '@_value': String(stack.resources) },
        ],
      },
      testcase: cases,
    };
  });

  const total = (key: '@_tests' | '@_failures' | '@_errors' | '@_skipped'): number => suites.reduce((n, s) => n + s[key], 0);
  const markers = suites.map(() => `cases-${randomUUID()}`);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': `${TOOL_NAME} ${toolVersion}`,
      '@_tests': total('@_tests'),
      '@_failures': total('@_failures'),
      '@_errors': total('@_errors'),
      '@_skipped': total('@_skipped'),
      testsuite: suites.map((suite, i) => ({ ...suite, testcase: [{ '@_name': markers[i] }] })),
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true });
  let rest = withOneFinalNewline(builder.build(document) as string);
  suites.forEach((suite, i) => {
    const marker = `<testcase name="${markers[i]}"/>\n`;
    const at = rest.indexOf(marker);
    const lineStart = rest.lastIndexOf('\n', at) + 1;
    sink.write(rest.slice(0, lineStart));
    for (let from = 0; from < suite.testcase.length; from += CASES_PER_BATCH) {
      const built = builder.build({ testsuites: { testsuite: { testcase: suite.testcase.slice(from, from + CASES_PER_BATCH) } } }) as string;
      // Without the two enclosing elements' lines: `<testsuites>`, `  <testsuite>` … `  </testsuite>`, `</testsuites>`.
      const open = built.indexOf('\n', built.indexOf('\n') + 1) + 1;
      const close = built.lastIndexOf('  </testsuite>');
      sink.write(built.slice(open, close));
    }
    rest = rest.slice(at + marker.length);
  });
  sink.write(rest);
}

/**
 * The text ending in exactly one newline. Trimmed from the end: a regular expression anchored at `$` is tried
 * at every offset of the text (0.1 s on the 36 MB report of 50,000 resources).
 */
export function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return `${text.slice(0, end)}\n`;
}

/** Findings grouped by (rule, address), in the engine's order. */
function group(violations: readonly Violation[]): Map<string, Violation[]> {
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = `${v.ruleId}\u0000${v.address}`;
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  return groups;
}

function failureBody(vs: readonly Violation[]): string {
  const lines = vs.map((v) => {
    const kind = v.kind === 'violation' ? '' : ` (${v.kind})`;
    return `- [${v.severity}]${kind} ${v.attribute ? `${printable(v.attribute)}: ` : ''}${printable(v.message)}`;
  });
  return [...lines, `construct: ${printable(vs[0].constructPath)}`, `fix: ${printable(vs[0].fix)}`].join('\n');
}

/** One piece of text from the input: control characters escaped, then what XML 1.0 cannot hold dropped. */
function xmlText(text: string): string {
  return xmlChars(printable(text));
}

/** XML 1.0 cannot hold most control characters, even escaped (and `printable` leaves none): drop them. */
function xmlChars(text: string): string {
  return text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Attribute values are single-line (parsers turn newlines in attributes into spaces anyway). */
function attribute(text: string): string {
  return xmlText(text).replace(/[\r\n\t]+/g, ' ');
}
