/**
 * Are two devices peers, i.e. in each other's netmap? What derper's `-verify-clients` needs: derper admits
 * a client only if the relay's own tailscaled knows its node key (derp/derpserver/derpserver.go
 * `verifyClient` → `WhoIsNodeKey`; ipn/ipnlocal/local.go `WhoIsNodeKey` looks in `nodeByKey`, which
 * node_backend.go fills from the netmap's SelfNode and Peers only). The control plane puts a device in
 * another's netmap when either may open a connection to the other by some rule, on any port and protocol
 * ("if one of two machines can reach each other, they will be visible in each others map":
 * juanfont/headscale#1961, headscale mirroring Tailscale). So visibility is: some acl or grant allows
 * a → b or b → a, on anything.
 */
import { compilePolicy, flowDecision, type FlowDecision, type PairDecision } from './policy-allows';
import type { NetworkRule } from './network-rules';
import type { PolicyIndex } from './policy-index';
import type { EvaluablePolicy } from './policy-document';
import { describePrincipal, resolvePrincipal, type Principal } from './principal';
import { matchSelector } from './selector';
import { allOf, anyOf, NO, unknown, type Tri } from './tri';

/** One rule lets `src` open some connection to `dst` (any port, any protocol). */
function ruleConnects(rule: NetworkRule, src: Principal, dst: Principal, index: PolicyIndex): Tri {
  const fromSource = typeof rule.sources === 'string' ? unknown(rule.sources) : anyOf(rule.sources.map((s) => matchSelector(s, src, index, { role: 'src' })));
  if (fromSource.kind === 'no') return NO;
  const toDestination =
    typeof rule.destinations === 'string'
      ? unknown(rule.destinations)
      : anyOf(
          rule.destinations.map((d) => {
            const open = d.open.ok
              ? d.open.capabilities.some((c) => c.protocols.length > 0 && c.ports.length > 0)
                ? { kind: 'yes' as const }
                : NO
              : unknown(d.open.why);
            return open.kind === 'no' ? NO : allOf([open, matchSelector(d.host, dst, index, { role: 'dst', source: src })]);
          }),
        );
  return allOf([fromSource, toDestination, ...rule.conditions.map(unknown)]);
}

/**
 * Does `policy` make every device `a` stands for a peer of every device `b` stands for? `allowed` when some
 * rule connects each pair in one direction or the other (`allowedBy` names the rules), `denied` when none
 * does, `mixed` or `cannot-evaluate` otherwise. Names as for a test `src` (users, groups, tags, autogroup:member).
 */
export function peersVisible(policy: EvaluablePolicy, a: string, b: string): FlowDecision {
  const compiled = compilePolicy(policy);
  const cannot = (reason: string): FlowDecision => ({ verdict: 'cannot-evaluate', reason, allowedBy: [], pairs: [] });
  if (compiled.problem) return cannot(compiled.problem);
  const left = resolvePrincipal(a, compiled.index, 'src');
  if (!left.ok) return cannot(`${a}: ${left.why}`);
  const right = resolvePrincipal(b, compiled.index, 'src');
  if (!right.ok) return cannot(`${b}: ${right.why}`);
  const pairs: PairDecision[] = left.principals.flatMap((p) =>
    right.principals.map((q) => {
      const results = compiled.rules.map((rule) => ({
        rule,
        result: anyOf([ruleConnects(rule, p, q, compiled.index), ruleConnects(rule, q, p, compiled.index)]),
      }));
      return {
        src: describePrincipal(p),
        dst: describePrincipal(q),
        result: anyOf(results.map((r) => r.result)),
        allowedBy: results.filter((r) => r.result.kind === 'yes').map((r) => r.rule.id),
      };
    }),
  );
  return flowDecision(pairs, compiled.rules);
}
