/**
 * An offline evaluator of Tailscale policy semantics: which connections a policy's `acls` and `grants` allow,
 * and whether its `tests` hold. Pure and dependency-free, so synth can prove a policy before Tailscale's
 * control plane sees it. What the policy file alone cannot decide is answered "cannot evaluate", never
 * guessed.
 */
export type { EvaluablePolicy, PolicyAcl, PolicyGrant, PolicyTest } from './policy-document';
export { policyAllows, compilePolicy, type FlowDecision, type FlowVerdict, type PairDecision } from './policy-allows';
export {
  evaluatePolicyTests,
  policyTestsPass,
  describePolicyTestFailures,
  type PolicyTestResult,
  type DestinationResult,
  type TestOutcome,
} from './policy-tests';
export { resolvePrincipal, describePrincipal, type Principal } from './principal';
export { matchSelector } from './selector';
export { parsePortList, parseSinglePort, type PortRange } from './ports';
export { parseGrantIp, parseProtocol, DEFAULT_PROTOCOLS, type IpCapability } from './protocols';
export { parseIpRange, type IpRange } from './ip-range';
export type { Tri } from './tri';
export { peersVisible } from './visibility';
