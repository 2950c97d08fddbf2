/**
 * SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, Azure DevOps). Suppressed findings are included with
 * their justification, as SARIF intends, so the audit trail survives the upload.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RuleMetadata } from '../engine/rule';
import type { Violation } from '../engine/types';
import type { ReportInput } from './report-input';
import { TOOL_NAME, TOOL_URI } from '../version';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function renderSarifReport({ result, rules, toolVersion }: ReportInput): string {
  const reported = new Set([...result.violations, ...result.suppressed.map((s) => s.violation)].map((v) => v.ruleId));
  const evaluated = new Set(result.rules.map((r) => r.id));
  const driverRules = rules.filter((r) => evaluated.has(r.id) || reported.has(r.id));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const levels = new Map(result.rules.map((r) => [r.id, r.level]));

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
        results: [
          ...result.violations.map((v) => sarifResult(v, index)),
          ...result.suppressed.map((s) => ({
            ...sarifResult(s.violation, index),
            suppressions: [
              {
                kind: 'external' as const,
                status: 'accepted' as const,
                justification: s.suppression.expires ? `${s.suppression.reason} (until ${s.suppression.expires})` : s.suppression.reason,
              },
            ],
          })),
        ],
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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

function sarifResult(v: Violation, index: ReadonlyMap<string, number>): Result {
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
                artifactLocation: { uri: toUri(v.file) },
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

/** SARIF wants URI references: forward slashes, percent-encoded where needed. */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
