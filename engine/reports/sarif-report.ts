/**
 * SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, Azure DevOps). Suppressed findings are included with
 * their justification, as SARIF intends, so the audit trail survives the upload.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleMetadata } from '../rule';
import type { Violation } from '../types';
import type { ReportInput } from './report-input';
import { TOOL_NAME, TOOL_URI } from '../version';
import { jsonWithoutCommands } from '../printable';
import { mapped, streamedArray, writeJson, type ReportSink } from './report-sink';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * GitHub code scanning rejects an upload whose run holds more results than this, and shows the top 5,000 of
 * a run it accepts (docs.github.com, "SARIF results exceed hard limit").
 */
export const GITHUB_MAX_RESULTS_PER_RUN = 25_000;

/**
 * What to tell the user when the SARIF report is larger than GitHub code scanning accepts: the report is
 * written whole (other code-scanning services have other limits, and nothing is dropped silently), but an
 * upload to GitHub would be refused as a whole, so they learn it now rather than from a failed upload.
 */
export function sarifUploadNote(result: ReportInput['result']): string | undefined {
  const results = result.violations.length + result.suppressed.length;
  if (results <= GITHUB_MAX_RESULTS_PER_RUN) return undefined;
  return (
    `the SARIF report holds ${results} results in one run; GitHub code scanning rejects a run of more than ` +
    `${GITHUB_MAX_RESULTS_PER_RUN} (and shows 5000): check fewer stacks per upload, or fix or suppress findings first`
  );
}

/** The log, written to `sink` a result at a time (see report-sink). */
export function writeSarifReport({ result, rules, toolVersion }: ReportInput, sink: ReportSink): void {
  const reported = new Set([...result.violations, ...result.suppressed.map((s) => s.violation)].map((v) => v.ruleId));
  const evaluated = new Set(result.rules.map((r) => r.id));
  const driverRules = rules.filter((r) => evaluated.has(r.id) || reported.has(r.id));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const levels = new Map(result.rules.map((r) => [r.id, r.level]));
  // One URI per file, not one per result: a stack's findings all name its file.
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = artifactUri(file)));
    return uri;
  };

  const results = streamedArray('results');
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: TOOL_URI,
            rules: driverRules.map((r) => descriptor(r, levels.get(r.id) ?? r.severity)),
          },
        },
        // A placeholder: writeJson writes the results in its place, one at a time.
        results: results as unknown as Result[],
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  const suppressedResults = mapped(result.suppressed, (s) => ({
    ...sarifResult(s.violation, index, uriOf),
    suppressions: [
      {
        kind: 'external' as const,
        status: 'accepted' as const,
        justification: s.suppression.expires ? `${s.suppression.reason} (until ${s.suppression.expires})` : s.suppression.reason,
      },
    ],
  }));
  const all = concat(
    mapped(result.violations, (v) => sarifResult(v, index, uriOf)),
    suppressedResults,
  );
  writeJson(log, new Map([[results, all]]), sink, jsonWithoutCommands);
}

function* concat<T>(...lists: Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}

function descriptor(rule: RuleMetadata, level: 'error' | 'warning'): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: rule.fix, markdown: `**Why:** ${rule.rationale}\n\n**Fix:** ${rule.fix}` },
    ...(rule.references?.docs?.[0] ? { helpUri: rule.references.docs[0] } : {}),
    defaultConfiguration: { level },
    properties: {
      tags: ['security', ...(rule.category ? [rule.category] : [])],
      resourceTypes: [...rule.resourceTypes],
      ...(rule.references?.checkov?.length ? { checkov: [...rule.references.checkov] } : {}),
    },
  };
}

function sarifResult(v: Violation, index: ReadonlyMap<string, number>, uriOf: (file: string) => string): Result {
  const ruleIndex = index.get(v.ruleId);
  return {
    ruleId: v.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: v.severity,
    kind: 'fail',
    message: { text: `${v.address}: ${v.message}. Fix: ${v.fix}` },
    locations: [
      {
        ...(v.file
          ? {
              physicalLocation: {
                artifactLocation: { uri: uriOf(v.file) },
                ...(v.line !== undefined ? { region: { startLine: v.line, ...(v.column !== undefined ? { startColumn: v.column } : {}) } } : {}),
              },
            }
          : {}),
        logicalLocations: [{ fullyQualifiedName: `${v.stack}/${v.address}`, name: v.address, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'guardrailFinding/v1': `${v.ruleId}|${v.stack}|${v.address}|${v.attribute ?? ''}` },
    properties: {
      stack: v.stack,
      constructPath: v.constructPath,
      resourceType: v.resourceType,
      findingKind: v.kind,
      ...(v.attribute ? { attribute: v.attribute } : {}),
    },
  };
}

/**
 * The artifact's URI (SARIF §3.4.3). Inputs inside the working directory are named relative to it, with `/`
 * (`cdktf.out/stacks/app/cdk.tf.json`): a relative reference, which code-scanning services resolve against
 * the repository root. An input outside it is named by its absolute path: an absolute `file://` URI, with
 * no `uriBaseId` (one may only go with a relative reference). Segments are percent-encoded; only `/`
 * separates them: a backslash is an ordinary character of a POSIX file name (`%5C`), and paths on Windows
 * were already written with `/` by the reader.
 */
export function artifactUri(file: string): string {
  const encode = (path: string): string => path.split('/').map(encodeSegment).join('/');
  if (file.startsWith('/')) return `file://${encode(file)}`;
  const drive = /^([A-Za-z]):\//.exec(file);
  if (drive) return `file:///${drive[1]}:${encode(file.slice(2))}`;
  return encode(file);
}

/** Percent-encoded UTF-8; a lone surrogate (not valid Unicode, so not encodable) becomes U+FFFD first. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
