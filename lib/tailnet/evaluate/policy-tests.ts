/**
 * The policy's own `tests`, run offline: from `src`, every `accept` destination must be allowed and no `deny`
 * destination may be (https://tailscale.com/kb/1337/policy-syntax#tests). Tailscale refuses a policy whose
 * tests fail; so does synth, before the control plane ever sees it.
 *
 * Each destination gets pass, fail or cannot-evaluate, with a reason: the rule that allows a `deny`
 * destination, the absence of any rule for an `accept` one, or what the policy file does not say. A test
 * passes only if all its destinations pass; "cannot evaluate" is not a pass.
 */
import { compilePolicy, decideFlow, protocolsFor, type CompiledPolicy, type ProtocolQuestion } from './policy-allows';
import type { EvaluablePolicy, PolicyTest } from './policy-document';
import { parseSinglePort } from './ports';
import { parseProtocol, protocolName, TEST_PROTOCOLS } from './protocols';

export type TestOutcome = 'pass' | 'fail' | 'cannot-evaluate';

export interface DestinationResult {
  readonly expect: 'accept' | 'deny';
  /** As written in the test, e.g. `tag:derp:9100`. */
  readonly destination: string;
  readonly outcome: TestOutcome;
  readonly reason: string;
  /** Rules that allow the connection: what made a `deny` fail, or what an `accept` rests on. */
  readonly allowedBy: readonly string[];
}

export interface PolicyTestResult {
  /** Position in `tests`. */
  readonly index: number;
  readonly src: string;
  readonly proto?: string;
  /** fail if any destination fails; else cannot-evaluate if any could not be; else pass. */
  readonly outcome: TestOutcome;
  /** Problems with the test itself (no accept or deny, a protocol a test cannot name). */
  readonly problems: readonly string[];
  readonly destinations: readonly DestinationResult[];
}

/** Evaluate every entry of `policy.tests` against the policy's `acls` and `grants`. */
export function evaluatePolicyTests(policy: EvaluablePolicy): PolicyTestResult[] {
  const tests: unknown = policy?.tests;
  if (tests === undefined) return [];
  if (!Array.isArray(tests)) return [{ index: -1, src: '', outcome: 'cannot-evaluate', problems: ['tests is not a list'], destinations: [] }];
  const compiled = compilePolicy(policy);
  return tests.map((test, index) => evaluateTest(compiled, test as PolicyTest, index));
}

function evaluateTest(compiled: CompiledPolicy, test: PolicyTest, index: number): PolicyTestResult {
  const src = typeof test?.src === 'string' ? test.src : '';
  const proto = test?.proto;
  const problems: string[] = [];
  const accept = listOf(test?.accept, 'accept', problems);
  const deny = listOf(test?.deny, 'deny', problems);
  if (accept.length === 0 && deny.length === 0) problems.push('has neither accept nor deny destinations (Tailscale fails such a test)');
  let protocols = protocolsFor(undefined);
  if (proto !== undefined) {
    const p = typeof proto === 'string' ? parseProtocol(proto) : undefined;
    if (p === undefined || !TEST_PROTOCOLS.includes(p)) {
      problems.push(`proto ${JSON.stringify(proto)}: a test can name only ${TEST_PROTOCOLS.map(protocolName).join(', ')}, since its destinations carry a port`);
    } else {
      protocols = protocolsFor(proto);
    }
  }
  const destinations = [...accept.map((d) => ['accept', d] as const), ...deny.map((d) => ['deny', d] as const)].map(([expect, destination]) =>
    problems.length > 0
      ? { expect, destination, outcome: 'cannot-evaluate' as const, reason: `the test itself ${problems.join('; ')}`, allowedBy: [] }
      : evaluateDestination(compiled, src, expect, destination, protocols as ProtocolQuestion),
  );
  const outcomes = destinations.map((d) => d.outcome);
  const outcome: TestOutcome = outcomes.includes('fail') ? 'fail' : problems.length > 0 || outcomes.includes('cannot-evaluate') ? 'cannot-evaluate' : 'pass';
  return { index, src, ...(proto !== undefined ? { proto: String(proto) } : {}), outcome, problems, destinations };
}

function listOf(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  problems.push(`${field} is not a list of 'host:port' strings`);
  return [];
}

function evaluateDestination(
  compiled: CompiledPolicy,
  src: string,
  expect: 'accept' | 'deny',
  destination: string,
  protocols: ProtocolQuestion,
): DestinationResult {
  const result = (outcome: TestOutcome, reason: string, allowedBy: readonly string[] = []): DestinationResult => ({
    expect,
    destination,
    outcome,
    reason,
    allowedBy,
  });
  const colon = destination.lastIndexOf(':');
  const host = destination.startsWith('[') ? destination.slice(1, destination.lastIndexOf(']')) : destination.slice(0, Math.max(colon, 0));
  const port = colon > 0 ? parseSinglePort(destination.slice(colon + 1)) : undefined;
  if (colon <= 0 || port === undefined || (destination.startsWith('[') && destination.lastIndexOf(']') !== colon - 1)) {
    return result('cannot-evaluate', `'${destination}' is not 'host:port' with one port 1-65535 (Tailscale refuses '*', lists and ranges in a test)`);
  }
  const decision = decideFlow(compiled, src, host, port, protocols);
  switch (decision.verdict) {
    case 'cannot-evaluate':
      return result('cannot-evaluate', decision.reason);
    case 'allowed':
      return expect === 'accept'
        ? result('pass', decision.reason, decision.allowedBy)
        : result('fail', `expected denied, but ${decision.reason}`, decision.allowedBy);
    case 'denied':
      return expect === 'deny' ? result('pass', decision.reason) : result('fail', `expected allowed, but ${decision.reason}`);
    case 'mixed':
      // An accept must hold for every device src and dst stand for; a deny must hold for every one too.
      return result('fail', `expected ${expect === 'accept' ? 'allowed' : 'denied'} for every device, but ${decision.reason}`, decision.allowedBy);
  }
}

/** True when every test passed (a test that could not be evaluated did not pass). */
export function policyTestsPass(results: readonly PolicyTestResult[]): boolean {
  return results.every((r) => r.outcome === 'pass');
}

/** One line per destination that did not pass, for an error message: `tests[0] tag:derp → accept tag:derp:9100: fail: …`. */
export function describePolicyTestFailures(results: readonly PolicyTestResult[]): string[] {
  return results.flatMap((r) => {
    const head = `tests[${r.index}] src ${JSON.stringify(r.src)}${r.proto !== undefined ? ` proto ${r.proto}` : ''}`;
    const own = r.destinations.length === 0 && r.outcome !== 'pass' ? [`${head}: ${r.outcome}: ${r.problems.join('; ')}`] : [];
    return [...own, ...r.destinations.filter((d) => d.outcome !== 'pass').map((d) => `${head} ${d.expect} ${d.destination}: ${d.outcome}: ${d.reason}`)];
  });
}
