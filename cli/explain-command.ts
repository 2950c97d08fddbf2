/**
 * `cdktf-guardrails explain RULE_ID`: one rule's metadata, for a person deciding how to comply. Without
 * `--syntax`, the fix and the examples are shown both in Terraform's names (Terraform JSON) and in cdktf's
 * (TypeScript); `--syntax hcl` or `--syntax cdktf` shows only one.
 */
import { suggest } from '../engine/config-error';
import { cdktfExampleText } from '../engine/docs/cdktf-example';
import { cdktfFix, type Syntax } from '../engine/docs/cdktf-fix';
import type { Rule, RuleExample } from '../engine/rule';
import { builtInRules } from '../rules';
import type { CliIo } from './io';
import { profileOf, ruleJson } from './rules-command';
import { CliUsageError, EXIT_OK } from './usage-error';

export interface ExplainOptions {
  readonly format: 'text' | 'json';
  /** Only Terraform's names (`hcl`) or only cdktf's. @default both */
  readonly syntax?: Syntax;
}

export function runExplain(ruleId: string, options: ExplainOptions, io: CliIo): number {
  const rule = builtInRules.find((r) => r.id === ruleId);
  if (!rule) {
    const ids = builtInRules.map((r) => r.id);
    throw new CliUsageError(`explain: unknown rule id '${ruleId}'${suggest(ruleId, ids)} (run \`cdktf-guardrails rules\` for the list)`);
  }
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(explainJson(rule, options.syntax), null, 2)}\n` : explainText(rule, options.syntax));
  return EXIT_OK;
}

/** The metadata, and (unless only Terraform's names are asked for) the fix and examples in cdktf TypeScript. */
export function explainJson(rule: Rule, syntax?: Syntax): Record<string, unknown> {
  if (syntax === 'hcl') return ruleJson(rule);
  const examples = rule.examples && { failing: cdktfExampleText(rule.examples.failing), passing: cdktfExampleText(rule.examples.passing) };
  return { ...ruleJson(rule), cdktf: { fix: cdktfFix(rule), ...(examples ? { examples } : {}) } };
}

export function explainText(rule: Rule, syntax?: Syntax): string {
  const hcl = syntax !== 'cdktf';
  const cdktf = syntax !== 'hcl';
  const fixInCdktf = cdktf ? cdktfFix(rule) : rule.fix;
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    `  severity:       ${rule.severity}`,
    `  profile:        ${profileOf(rule)}`,
    ...(rule.category ? [`  category:       ${rule.category}`] : []),
    `  resource types: ${rule.resourceTypes.join(', ')}`,
    ...(rule.references?.checkov?.length ? [`  checkov:        ${rule.references.checkov.join(', ')}`] : []),
    ...(rule.references?.deviations ?? []).map((d) => `  differs from:   ${d.peer} ${d.check} (${d.kind}): ${d.why}`),
    ...(rule.references?.docs ?? []).map((d) => `  see:            ${d}`),
    '',
    'Why',
    ...wrap(rule.rationale, 2),
    '',
    'Fix',
    ...wrap(hcl ? rule.fix : fixInCdktf, 2),
    // Both: the cdktf spelling too, where it differs.
    ...(hcl && cdktf && fixInCdktf !== rule.fix ? ['', 'Fix, in cdktf', ...wrap(fixInCdktf, 2)] : []),
  ];
  if (rule.examples) {
    for (const [label, e] of [
      ['Failing', rule.examples.failing],
      ['Passing', rule.examples.passing],
    ] as const) {
      lines.push('', `${label} example (${e.resourceType})`);
      if (hcl) lines.push(...example(e));
      if (hcl && cdktf) lines.push('', '  in cdktf:');
      if (cdktf) lines.push(...indented(cdktfExampleText(e)));
    }
  }
  return `${lines.join('\n')}\n`;
}

function indented(text: string): string[] {
  return text.split('\n').map((l) => (l ? `  ${l}` : ''));
}

/** The example as the Terraform JSON a stack would hold. */
function example(e: RuleExample): string[] {
  const resource: Record<string, Record<string, unknown>> = {};
  for (const [type, byName] of Object.entries(e.others ?? {})) resource[type] = { ...byName };
  resource[e.resourceType] = { ...(resource[e.resourceType] ?? {}), example: e.body };
  return JSON.stringify({ resource }, null, 2)
    .split('\n')
    .map((l) => `  ${l}`);
}

function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}
