/** Test helpers for the AWS data, keys and identity rules: stack contexts, policy JSON builders, example runs. */
import { createContext } from '../../../../engine/context';
import type { Rule, RuleContext } from '../../../../engine/rule';
import type { Violation } from '../../../../engine/types';
import { stackFromTerraformJson } from '../../../../engine/input/terraform-json';
import { findings } from '../../../helpers/rule-harness';

export function contextOf(doc: { resource?: Record<string, unknown>; data?: Record<string, unknown> } = {}): RuleContext {
  const stack = stackFromTerraformJson(doc as Record<string, unknown>, { stack: 'test' });
  return createContext(stack, { awsExposure: { key: 'exposure', value: 'public' }, digitaloceanExposure: 'exposure:public', required: [] });
}

/** Policy JSON text as `JSON.stringify` (what cdktf synthesizes for an object holding tokens) writes it. */
export function policyJson(statement: unknown): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statement });
}

/**
 * Policy text with its statements written as JSON text, where a value may stand as a bare `${…}` expression
 * (`"Principal": ${var.p}`), which JSON.stringify cannot write.
 */
export function policyText(...statements: string[]): string {
  return `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}`;
}

/** A data source reference as cdktf synthesizes `doc.json`. */
export const docRef = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;

/** Findings for the rule's own examples: the failing one must fire, the passing one must be quiet. */
export function exampleFindings(rule: Rule): { failing: Violation[]; passing: Violation[] } {
  if (!rule.examples) throw new Error(`${rule.id} has no examples`);
  const run = (example: NonNullable<Rule['examples']>['failing']) => {
    const resource: Record<string, Record<string, unknown>> = { ...(example.others ?? {}) };
    resource[example.resourceType] = { ...(resource[example.resourceType] ?? {}), example: example.body };
    return findings(rule, { resource });
  };
  return { failing: run(rule.examples.failing), passing: run(rule.examples.passing) };
}

/** Only the findings about one address. */
export const at = (vs: readonly Violation[], address: string) => vs.filter((v) => v.address === address);
