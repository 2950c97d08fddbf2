/**
 * cdktf-guardrails' engine and the constructs that need no cloud provider package (the tailnet policy, the
 * DERP fleet, the tailscale bindings, boot configuration). Every entry point re-exports this.
 */
export { Guardrails } from './aspects/guardrails';
export { GuardrailsAspect } from './aspects/guardrails-aspect';
export { GuardrailViolationError } from './engine/violation-error';
export { GuardrailConfigError } from './engine/config-error';
export type { GuardrailOptions, PublicExposureTagConfig } from './engine/options';
export type { SuppressionInput } from './engine/suppressions';
export type { Violation, Severity, RuleLevel, Profile, ResourceRecord, StackDocument, CheckResult, FindingKind } from './engine/types';
export { defineRule } from './engine/rule';
export type { Rule, RuleMetadata, RuleContext, CheckOutput } from './engine/rule';
export { pass, violation, unknown, notApplicable, unknownValue } from './engine/results';
// The shapes the built-in rules are made of, for custom rules: each returns pass / violation / unknown.
export { requireBool, requireNumber, requireOneOf, requirePresent, forEachBlock } from './rules/common/shapes';
export type { ShapeOptions } from './rules/common/shapes';
export * as values from './engine/values';
export { builtInRules } from './rules';
export { evaluate } from './engine/evaluate';
export type { EvaluationResult } from './engine/evaluate';
export { resolveOptions } from './engine/options';

// Constructs that load no cloud provider package.
export * from './lib/tailnet';
export * from './lib/tailscale';
export * from './lib/fleet';
export type { DerpNodeInfo, DerpNodeMesh, IDerpNodeSource, IDerpRelay } from './lib/contracts/derp-node';
export type { AclRule, GrantRule, DerpMap, DerpMapNode, DerpMapRegion, ITailnetPolicy, PolicyTestEntry } from './lib/contracts/tailnet-policy';
// The offline evaluator synth proves tailnet policies with: which flows a policy allows, who sees whom, and its tests.
export { peersVisible, evaluatePolicyTests, policyAllows, policyTestsPass, describePolicyTestFailures } from './lib/tailnet/evaluate';
export type { EvaluablePolicy, FlowDecision, FlowVerdict, PairDecision, PolicyTestResult, DestinationResult, TestOutcome } from './lib/tailnet/evaluate';
export type { SecretReference } from './lib/contracts/secret-reference';
export * as boot from './lib/boot';
export { ConstructConfigError, redactSecrets } from './lib/errors';
