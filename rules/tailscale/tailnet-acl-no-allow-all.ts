/**
 * The tailnet policy is the network's firewall. An allow-all entry (every source to every destination)
 * turns it off, which is Tailscale's default policy and the first thing to replace.
 */
import { defineRule } from '../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { containsExpression, isObject, stringAttr } from '../../engine/values';
import { parse, type ParseError } from 'jsonc-parser';

const EVERYONE = new Set(['*']);

export const tailnetAclNoAllowAll = defineRule({
  id: 'tailnet-acl-no-allow-all',
  title: 'The tailnet policy has no allow-all ACL or grant',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['tailscale_acl'],
  rationale:
    "Tailscale's default policy lets every device reach every port of every other device. Guardrails such as " +
    '"monitoring reaches tag:derp only on 9100" mean nothing while an entry like `{"src": ["*"], "dst": ["*:*"]}` ' +
    "remains: a compromised laptop could reach every server's every port.",
  fix:
    'Remove allow-all entries from `acls` and `grants`; write one entry per real need (source tag or group, ' +
    'destination tag, ports). Write the policy as literal JSON or HuJSON (e.g. with TailnetPolicy), so it can be checked.',
  references: { docs: ['https://tailscale.com/kb/1192/acl-samples'] },
  examples: {
    failing: { resourceType: 'tailscale_acl', body: { acl: JSON.stringify({ acls: [{ action: 'accept', src: ['*'], dst: ['*:*'] }] }) } },
    passing: {
      resourceType: 'tailscale_acl',
      body: { acl: JSON.stringify({ acls: [{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }] }) },
    },
  },
  check(resource) {
    const raw = resource.body.acl;
    if (raw === undefined || raw === null) return violation('acl is not set', 'acl');
    // A literal policy may carry Terraform references inside string values (the derpMap's addresses): it is
    // still readable, and only entries whose sources or destinations are expressions are unknown.
    const policy = parsePolicy(raw);
    if (policy === undefined) {
      const acl = stringAttr(resource.body, 'acl');
      if (acl.state === 'unknown') return unknownValue('acl', acl);
      return unknown('acl is neither JSON nor HuJSON (JSON with comments and trailing commas), so its entries cannot be read', 'acl');
    }
    if (!isObject(policy)) return violation('acl is not a JSON object', 'acl');
    const results: CheckResult[] = [];
    entries(policy.acls).forEach((entry, i) => {
      const where = `acl.acls[${i}]`;
      if ([entry.src, entry.dst].some(containsExpression)) results.push(unknown(`acls[${i}] names its sources or destinations with an expression`, where));
      else if (strings(entry.src).some((s) => EVERYONE.has(s)) && strings(entry.dst).some((d) => d === '*:*' || d === '*')) {
        results.push(violation(`acls[${i}] lets every source reach every destination and port`, where));
      }
    });
    entries(policy.grants).forEach((grant, i) => {
      const where = `acl.grants[${i}]`;
      const ip = strings(grant.ip);
      if ([grant.src, grant.dst, grant.ip].some(containsExpression))
        results.push(unknown(`grants[${i}] names its sources, destinations or ports with an expression`, where));
      else if (strings(grant.src).includes('*') && strings(grant.dst).includes('*') && (ip.includes('*') || ip.length === 0) && grant.app === undefined) {
        results.push(violation(`grants[${i}] gives every source network access to everything`, where));
      }
    });
    return results.length > 0 ? results : pass('no allow-all entry', 'acl');
  },
});

function entries(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The policy as Tailscale reads it: HuJSON, i.e. JSON with line and block comments and trailing commas.
 * Undefined when it is not a string or does not parse (a syntax error anywhere: nothing is guessed).
 */
export function parsePolicy(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parse(raw, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return errors.length === 0 ? value : undefined;
}
