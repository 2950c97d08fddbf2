/** Test helpers for the policy reader: a stack context from hand-written Terraform JSON, and policy JSON builders. */
import { createContext } from '../../../../aspects/engine/context';
import type { RuleContext } from '../../../../aspects/engine/rule';
import { stackFromTerraformJson } from '../../../../aspects/input/terraform-json';

export function contextOf(doc: { resource?: Record<string, unknown>; data?: Record<string, unknown> } = {}): RuleContext {
  const stack = stackFromTerraformJson(doc as Record<string, unknown>, { stack: 'test' });
  return createContext(stack, { awsExposure: { key: 'exposure', value: 'public' }, digitaloceanExposure: 'exposure:public', required: [] });
}

/** Policy JSON text as `JSON.stringify` (what cdktf synthesizes for an object holding tokens) writes it. */
export function policyJson(statement: unknown): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statement });
}

/** A data source reference as cdktf synthesizes `doc.json`. */
export const docRef = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;
