/** What the package's entry point (index.ts) offers for the constructs: the contracts, the evaluator, every construct. */
import * as pkg from '../../../index';
import type {
  DerpNodeMesh,
  DestinationResult,
  EvaluablePolicy,
  FlowDecision,
  FlowVerdict,
  IDerpNodeSource,
  PairDecision,
  PolicyTestEntry,
  PolicyTestResult,
  TestOutcome,
} from '../../../index';
import { evaluatePolicyTests, peersVisible, policyAllows } from '../../../lib/tailnet/evaluate';
import { EXPORTED_CONSTRUCTS } from '../../helpers/constructs';

describe('index.ts exports', () => {
  test('the offline policy evaluator', () => {
    expect(pkg.evaluatePolicyTests).toBe(evaluatePolicyTests);
    expect(pkg.peersVisible).toBe(peersVisible);
    expect(pkg.policyAllows).toBe(policyAllows);
    expect(typeof pkg.policyTestsPass).toBe('function');
    expect(typeof pkg.describePolicyTestFailures).toBe('function');
  });

  test("every construct, through the modules' export *", () => {
    for (const name of EXPORTED_CONSTRUCTS) {
      expect(typeof (pkg as Record<string, unknown>)[name]).toBe('function');
    }
    expect(pkg.MAX_JOIN_KEY_EXPIRY_SECONDS).toBe(3600);
    expect(typeof pkg.NodeJoinKeyError).toBe('function');
    expect(typeof pkg.architectureOf).toBe('function');
  });

  test('the contract types compile against a policy and a fleet', () => {
    const test: PolicyTestEntry = { src: 'tag:monitoring', proto: 'tcp', accept: ['tag:derp:9100'] };
    const mesh: DerpNodeMesh = { with: ['a.example.com', 'b.example.com'], keySecret: 'derp/mesh-key' };
    const fleet: IDerpNodeSource = { nodes: [], tailscaleVersion: '1.102.3' };
    const policy: EvaluablePolicy = {
      tagOwners: { 'tag:monitoring': ['autogroup:admin'], 'tag:derp': ['autogroup:admin'] },
      acls: [{ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] }],
      tests: [test],
    };
    const results: PolicyTestResult[] = pkg.evaluatePolicyTests(policy);
    const outcome: TestOutcome = results[0].outcome;
    const destinations: readonly DestinationResult[] = results[0].destinations;
    const flow: FlowDecision = pkg.policyAllows(policy, 'tag:monitoring', 'tag:derp', 9100, 'tcp');
    const verdict: FlowVerdict = flow.verdict;
    const pairs: readonly PairDecision[] = flow.pairs;
    expect([outcome, verdict, destinations.length > 0, pairs.length >= 0, mesh.with.length, fleet.nodes.length]).toEqual(['pass', 'allowed', true, true, 2, 0]);
  });
});
