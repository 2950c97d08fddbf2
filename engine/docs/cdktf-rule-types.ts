/**
 * Which bindings a rule's docs need: the resource types it covers, shows in its examples or names in its fix,
 * and the providers of those (a fix may name a provider setting, such as AWS `default_tags`). Shared by the
 * generator of the binding table (scripts/generate-cdktf-bindings.js) and the fix translator, so that the
 * table holds exactly the names the translator looks up.
 */
import type { RuleMetadata } from '../rule';

/** Resource types as rules write them in a fix text. */
const TYPE_IN_TEXT = /\b(?:aws|digitalocean|tailscale)_[a-z0-9_]+\b/g;

/** Resource types (`aws_instance`, `module`) and provider names (`aws`), sorted. */
export function cdktfTypesOf(rule: Pick<RuleMetadata, 'fix' | 'resourceTypes' | 'examples'>): string[] {
  const types = new Set<string>();
  const providers = new Set<string>();
  const add = (type: string): void => {
    if (!type.endsWith('*')) types.add(type);
    const provider = /^([a-z]+)_/.exec(type);
    if (provider) providers.add(provider[1]);
  };
  rule.resourceTypes.forEach(add);
  for (const e of rule.examples ? [rule.examples.failing, rule.examples.passing] : []) {
    add(e.resourceType);
    Object.keys(e.others ?? {}).forEach(add);
  }
  for (const m of rule.fix.matchAll(TYPE_IN_TEXT)) add(m[0]);
  return [...types, ...providers].sort();
}
