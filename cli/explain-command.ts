/** `cdktf-guardrails explain RULE_ID`: one rule's metadata, for a person deciding how to comply. */
import { suggest } from '../engine/config-error';
import type { Rule, RuleExample } from '../engine/rule';
import { builtInRules } from '../rules';
import type { CliIo } from './io';
import { profileOf, ruleJson } from './rules-command';
import { CliUsageError, EXIT_OK } from './usage-error';

export function runExplain(ruleId: string, options: { format: 'text' | 'json' }, io: CliIo): number {
  const rule = builtInRules.find((r) => r.id === ruleId);
  if (!rule) {
    const ids = builtInRules.map((r) => r.id);
    throw new CliUsageError(`explain: unknown rule id '${ruleId}'${suggest(ruleId, ids)} (run \`cdktf-guardrails rules\` for the list)`);
  }
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(ruleJson(rule), null, 2)}\n` : explainText(rule));
  return EXIT_OK;
}

export function explainText(rule: Rule): string {
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
    ...wrap(rule.fix, 2),
  ];
  if (rule.examples) {
    lines.push('', `Failing example (${rule.examples.failing.resourceType})`, ...example(rule.examples.failing));
    lines.push('', `Passing example (${rule.examples.passing.resourceType})`, ...example(rule.examples.passing));
  }
  return `${lines.join('\n')}\n`;
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
