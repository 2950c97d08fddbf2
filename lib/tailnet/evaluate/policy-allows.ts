/**
 * Does the policy let one device open a connection to another on a port and protocol? Deny by default: yes
 * only if some ACL or grant covers the source, the destination, the port and the protocol
 * (https://tailscale.com/kb/1018/acls: "deny-by-default, directional").
 */
import { networkRules, type NetworkRule } from './network-rules';
import { indexPolicy, type PolicyIndex } from './policy-index';
import type { EvaluablePolicy } from './policy-document';
import { describePrincipal, resolvePrincipal, type Principal } from './principal';
import { coversPort } from './ports';
import { DEFAULT_PROTOCOLS, parseProtocol, protocolName, TCP } from './protocols';
import { allOf, anyOf, NO, unknown, YES, type Tri } from './tri';
import { matchSelector } from './selector';

/** The answer for one source device and one destination device. */
export interface PairDecision {
  readonly src: string;
  readonly dst: string;
  readonly result: Tri;
  /** Rules that allow it (empty unless the result is yes). */
  readonly allowedBy: readonly string[];
}

/**
 * - `allowed` / `denied`: for every device the names stand for.
 * - `mixed`: allowed for some of them, denied for others (a group where some members have a rule).
 * - `cannot-evaluate`: at least one answer depends on something the policy file does not say.
 */
export type FlowVerdict = 'allowed' | 'denied' | 'mixed' | 'cannot-evaluate';

export interface FlowDecision {
  readonly verdict: FlowVerdict;
  /** One sentence: the rules that allow it, the absence of any, or what could not be evaluated. */
  readonly reason: string;
  /** Every rule that allows at least one of the pairs, as `acls[0]`, `grants[2]`. */
  readonly allowedBy: readonly string[];
  readonly pairs: readonly PairDecision[];
}

/** A policy read once, for many questions. */
export interface CompiledPolicy {
  readonly index: PolicyIndex;
  readonly rules: readonly NetworkRule[];
  /** Why nothing about this policy can be evaluated, if so. */
  readonly problem?: string;
}

export function compilePolicy(policy: EvaluablePolicy): CompiledPolicy {
  const p = (policy ?? {}) as EvaluablePolicy;
  const compiled = { index: indexPolicy(p), rules: networkRules(p) };
  // With neither section Tailscale does not deny everything (headscale, which mirrors it, allows all); we do not guess.
  if (p.acls === undefined && p.grants === undefined)
    return { ...compiled, problem: 'the policy has neither acls nor grants; what Tailscale allows then is not modelled' };
  const notList = (['acls', 'grants'] as const).find((k) => p[k] !== undefined && !Array.isArray(p[k]));
  return notList ? { ...compiled, problem: `${notList} is not a list` } : compiled;
}

/** One rule, one pair of devices, one protocol and port. */
function ruleAllows(rule: NetworkRule, src: Principal, dst: Principal, port: number, protocol: number, index: PolicyIndex): Tri {
  const fromSource = typeof rule.sources === 'string' ? unknown(rule.sources) : anyOf(rule.sources.map((s) => matchSelector(s, src, index, { role: 'src' })));
  if (fromSource.kind === 'no') return NO;
  const toDestination =
    typeof rule.destinations === 'string'
      ? unknown(rule.destinations)
      : anyOf(
          rule.destinations.map((d) => {
            const open = d.open.ok
              ? anyOf(d.open.capabilities.map((c) => (c.protocols.includes(protocol) && coversPort(c.ports, port) ? YES : NO)))
              : unknown(d.open.why);
            return open.kind === 'no' ? NO : allOf([open, matchSelector(d.host, dst, index, { role: 'dst', source: src })]);
          }),
        );
  return allOf([fromSource, toDestination, ...rule.conditions.map(unknown)]);
}

/**
 * The protocols a question is asked for. An explicit protocol is answered for itself. A test without `proto`
 * is answered by TCP when TCP is allowed: Tailscale accepts `{"src": "tag:client", "accept": ["100.64.0.16:22"]}`
 * against a grant of only `tcp:22` (recorded against Tailscale's control plane: headscale
 * hscontrol/policy/v2/testdata/policytest_results/policytest-allpass-grants-only-tag-src-ip-literal-dst.hujson).
 * When TCP is denied but another protocol a rule without `proto` covers (UDP, ICMP, ICMPv6) is allowed, which
 * answer Tailscale gives is not documented, so it is not answered.
 */
export interface ProtocolQuestion {
  readonly primary: number;
  /** Must all be denied too for a "denied" when the primary is denied. */
  readonly others: readonly number[];
}

export function protocolsFor(proto: string | undefined): ProtocolQuestion | undefined {
  if (proto === undefined) return { primary: TCP, others: DEFAULT_PROTOCOLS.filter((p) => p !== TCP) };
  const p = parseProtocol(proto);
  return p === undefined ? undefined : { primary: p, others: [] };
}

/** One pair of devices on one port, for the protocol question. */
function pairDecision(compiled: CompiledPolicy, src: Principal, dst: Principal, port: number, question: ProtocolQuestion): PairDecision {
  const label = { src: describePrincipal(src), dst: describePrincipal(dst) };
  const decide = (protocol: number) => {
    const results = compiled.rules.map((rule) => ({ rule, result: ruleAllows(rule, src, dst, port, protocol, compiled.index) }));
    return { protocol, result: anyOf(results.map((r) => r.result)), allowedBy: results.filter((r) => r.result.kind === 'yes').map((r) => r.rule.id) };
  };
  const primary = decide(question.primary);
  if (primary.result.kind !== 'no') return { ...label, result: primary.result, allowedBy: primary.allowedBy };
  const others = question.others.map(decide);
  const undecided = others.find((o) => o.result.kind === 'unknown');
  if (undecided) return { ...label, result: undecided.result, allowedBy: [] };
  const allowed = others.filter((o) => o.result.kind === 'yes');
  if (allowed.length === 0) return { ...label, result: NO, allowedBy: [] };
  const by = [...new Set(allowed.flatMap((o) => o.allowedBy))].join(', ');
  const names = allowed.map((o) => protocolName(o.protocol)).join('/');
  return {
    ...label,
    result: unknown(
      `${by} allow(s) ${names} but not ${protocolName(question.primary)}; give the test a proto, since Tailscale's answer for a test without one is then not documented`,
    ),
    allowedBy: [],
  };
}

/** Sum up pairs: every pair allowed, every pair denied, some of each, or not known. */
export function flowDecision(pairs: readonly PairDecision[], rules: readonly NetworkRule[]): FlowDecision {
  const allowedBy = [...new Set(pairs.flatMap((p) => p.allowedBy))];
  const undecided = pairs.find((p) => p.result.kind === 'unknown');
  if (undecided && undecided.result.kind === 'unknown') {
    return { verdict: 'cannot-evaluate', reason: `${undecided.src} → ${undecided.dst}: ${undecided.result.why}`, allowedBy, pairs };
  }
  const allowed = pairs.filter((p) => p.result.kind === 'yes');
  const named = allowedBy.map((id) => `${id} ${rules.find((r) => r.id === id)?.text ?? ''}`.trim()).join('; ');
  if (allowed.length === pairs.length) return { verdict: 'allowed', reason: `allowed by ${named}`, allowedBy, pairs };
  const denied = pairs.filter((p) => p.result.kind === 'no');
  const deniedText = denied.map((p) => `${p.src} → ${p.dst}`).join(', ');
  if (allowed.length === 0) return { verdict: 'denied', reason: `no acl or grant allows ${deniedText}`, allowedBy, pairs };
  return {
    verdict: 'mixed',
    reason: `allowed for ${allowed.map((p) => `${p.src} → ${p.dst}`).join(', ')} by ${named}; no acl or grant allows ${deniedText}`,
    allowedBy,
    pairs,
  };
}

/** Every pair of devices `src` and `dst` stand for, decided; or why the names cannot be evaluated. */
export function decideFlow(compiled: CompiledPolicy, src: string, dst: string, port: number, protocols: ProtocolQuestion): FlowDecision {
  const cannot = (reason: string): FlowDecision => ({ verdict: 'cannot-evaluate', reason, allowedBy: [], pairs: [] });
  if (compiled.problem) return cannot(compiled.problem);
  const from = resolvePrincipal(src, compiled.index, 'src');
  if (!from.ok) return cannot(`src ${from.why}`);
  const to = resolvePrincipal(dst, compiled.index, 'dst');
  if (!to.ok) return cannot(`destination ${to.why}`);
  const pairs = from.principals.flatMap((s) => to.principals.map((d) => pairDecision(compiled, s, d, port, protocols)));
  return flowDecision(pairs, compiled.rules);
}

/**
 * Does `policy` allow `src` (a user, group, tag, `hosts` name, IP, `autogroup:member` or `autogroup:tagged`) to
 * connect to `dst` (the same kinds; one address, not a prefix) on `port` with `proto` (a name or number; left
 * out: answered as a test without `proto`, see `protocolsFor`)?
 */
export function policyAllows(policy: EvaluablePolicy, src: string, dst: string, port: number, proto?: string): FlowDecision {
  const protocols = protocolsFor(proto);
  if (protocols === undefined)
    return { verdict: 'cannot-evaluate', reason: `proto ${JSON.stringify(proto)} is not a protocol name or number`, allowedBy: [], pairs: [] };
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { verdict: 'cannot-evaluate', reason: `port ${port} is not 0-65535`, allowedBy: [], pairs: [] };
  return decideFlow(compilePolicy(policy), src, dst, port, protocols);
}
