/**
 * Reading a `tailscale_acl` policy for the rules that look inside it: the parsed object, or the result to
 * return when it cannot be read. A missing or non-object policy is not applicable here (tailnet-acl-no-allow-all
 * reports it); an expression, or text that is neither JSON nor HuJSON, is unknown.
 */
import { notApplicable, unknown, unknownValue } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import { isObject, stringAttr } from '../../engine/values';
import { parsePolicy } from './tailnet-acl-no-allow-all';

export type PolicyRead = { readonly policy: JsonObject } | { readonly result: CheckResult };

export function readTailnetPolicy(resource: ResourceRecord): PolicyRead {
  const raw = resource.body.acl;
  if (raw === undefined || raw === null) return { result: notApplicable('acl is not set') };
  const policy = parsePolicy(raw);
  if (policy === undefined) {
    const acl = stringAttr(resource.body, 'acl');
    if (acl.state === 'unknown') return { result: unknownValue('acl', acl) };
    return { result: unknown('acl is neither JSON nor HuJSON (JSON with comments and trailing commas), so its entries cannot be read', 'acl') };
  }
  return isObject(policy) ? { policy } : { result: notApplicable('acl is not a JSON object') };
}

/** The objects of a policy list (`acls`, `ssh`); anything else is ignored, as Tailscale rejects it. */
export function entries(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The strings of a policy list. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
