/**
 * Run one rule against hand-written Terraform JSON, without cdktf: the fastest way to show a rule firing on
 * a bad config and staying quiet on a good one.
 */
import { evaluate } from '../../engine/evaluate';
import { resolveOptions, type GuardrailOptions } from '../../engine/options';
import type { Rule } from '../../engine/rule';
import type { Violation } from '../../engine/types';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { builtInRules } from '../../rules';

export interface HarnessInput {
  /** Resources as `{ type: { name: body } }`, i.e. Terraform JSON's `resource` block. */
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, unknown>;
}

/**
 * Findings of `rule` alone (turned on at its severity whatever its profile) on a Terraform JSON document.
 * `rule` must be registered in `builtInRules` (the harness refuses a rule the catalog does not run, so an
 * unregistered rule cannot pass its own tests); a custom rule under test goes in `options.customRules`.
 */
export function findings(rule: Rule, doc: HarnessInput, options: GuardrailOptions = {}): Violation[] {
  const custom = options.customRules ?? [];
  const registered = builtInRules.includes(rule) || custom.includes(rule);
  if (!registered) {
    const sameId = builtInRules.some((r) => r.id === rule.id) ? ' (a different object with the same id is)' : '';
    throw new Error(`rule '${rule.id}' is not registered in builtInRules${sameId}: add it to its cloud's index.ts, or pass it in options.customRules`);
  }
  const catalog = [...builtInRules, ...custom];
  const resolved = resolveOptions(
    {
      profile: 'strict',
      ...options,
      rules: { ...Object.fromEntries(catalog.map((r) => [r.id, 'off'])), [rule.id]: rule.severity, ...(options.rules ?? {}) },
    },
    builtInRules,
  );
  const stack = stackFromTerraformJson(doc as Record<string, unknown>, { stack: 'test' });
  return [...evaluate([stack], resolved).violations];
}

/**
 * Findings on one resource (named `subject`): `findingsFor(rule, 'aws_instance', { ... })`. Other resources
 * in `extra` are in the same stack for the check to look at; their own findings are not returned.
 */
export function findingsFor(rule: Rule, type: string, body: Record<string, unknown>, extra: HarnessInput = {}, options: GuardrailOptions = {}): Violation[] {
  const doc = { ...extra, resource: { ...(extra.resource ?? {}), [type]: { ...(extra.resource?.[type] ?? {}), subject: body } } };
  return findings(rule, doc, options).filter((v) => v.address === `${type}.subject`);
}

export const kinds = (vs: readonly Violation[]) => vs.map((v) => v.kind);
