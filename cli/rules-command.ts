/** `cdktf-guardrails rules`: the catalog, generated from the rules' own metadata. */
import type { Rule } from '../engine/rule';
import type { Profile } from '../engine/types';
import { builtInRules } from '../rules';
import type { CliIo } from './io';
import { EXIT_OK } from './usage-error';

export function runRules(options: { format: 'text' | 'json'; profile?: Profile }, io: CliIo): number {
  const rules = builtInRules.filter((r) => options.profile !== 'baseline' || profileOf(r) === 'baseline');
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(rules.map(ruleJson), null, 2)}\n` : rulesTable(rules));
  return EXIT_OK;
}

export function profileOf(rule: Rule): Profile {
  return rule.profile ?? 'baseline';
}

/** Everything but the check itself. */
export function ruleJson(rule: Rule): Record<string, unknown> {
  const { check: _check, ...metadata } = rule;
  return { ...metadata, profile: profileOf(rule) };
}

export function rulesTable(rules: readonly Rule[]): string {
  const header = ['ID', 'SEVERITY', 'PROFILE', 'TITLE', 'RESOURCE TYPES'];
  const rows = rules.map((r) => [r.id, r.severity, profileOf(r), r.title, r.resourceTypes.join(', ')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  // The last column is not padded: no trailing spaces.
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${rules.length} rule(s). \`cdktf-guardrails explain RULE_ID\` for details.\n`;
}
