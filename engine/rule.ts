import type { CheckResult, Profile, ProviderRecord, ResourceRecord, Severity, StackDocument } from './types';
import type { ResolvedTagConfig } from './options';
import type { ApprovedModule } from './approved-modules';

/** Peers whose checks a rule may name as equivalents. */
export const PEERS = ['checkov', 'kics', 'cdk-nag', 'trivy'] as const;
export type Peer = (typeof PEERS)[number];

/**
 * Where a rule deliberately differs from a peer's equivalent check, and why: so a user comparing results
 * with checkov can tell a deliberate difference from a missed case. Shown by `explain`, `rules --format
 * json` and docs/rules.md.
 */
export interface PeerDeviation {
  readonly peer: Peer;
  /** The peer's check id, e.g. `CKV_AWS_133` (for checkov, it must be among `references.checkov`). */
  readonly check: string;
  /** `stricter`: we report what the peer passes; `looser`: the reverse; `different`: other scope or reading. */
  readonly kind: 'stricter' | 'looser' | 'different';
  /** What differs and why, e.g. "requires at least 7 days, not 1: a week covers a weekend plus detection". */
  readonly why: string;
}

/** Where to read more, and which other tools check the same thing. */
export interface RuleReferences {
  /** Equivalent checkov check IDs (from checkov's own check definitions). */
  readonly checkov?: readonly string[];
  /** Documentation links. */
  readonly docs?: readonly string[];
  /** Where this rule deliberately differs from those equivalents. */
  readonly deviations?: readonly PeerDeviation[];
}

/** Example Terraform JSON resource bodies, used in generated docs, `explain`, and the catalog test. */
export interface RuleExample {
  readonly resourceType: string;
  /** The resource under test (its name in the example is `example`). */
  readonly body: Record<string, unknown>;
  /** Other resources in the same stack the check looks at, as Terraform JSON's `resource` block. */
  readonly others?: Record<string, Record<string, Record<string, unknown>>>;
}

/**
 * Everything about a rule except its check. The catalog, profiles, docs/rules.md and the CLI's `rules` and
 * `explain` are generated from this; it is never written twice.
 */
export interface RuleMetadata {
  /** Stable kebab-case id, e.g. `volume-encryption-required`. Never renamed once published. */
  readonly id: string;
  /** One line: what the rule demands. */
  readonly title: string;
  readonly severity: Severity;
  /**
   * Resource types the check runs on. Exact types (`aws_instance`), or a prefix ending in `*`
   * (`aws_*`) for rules that apply to whole providers (tags). Only exact types count as coverage.
   */
  readonly resourceTypes: readonly string[];
  /**
   * The smallest profile that includes the rule: `baseline` rules are in `strict` too.
   * @default 'baseline'
   */
  readonly profile?: Profile;
  /** Why it matters: the attack or failure it prevents. */
  readonly rationale: string;
  /** How to comply. */
  readonly fix: string;
  readonly references?: RuleReferences;
  /** A resource that breaks the rule and one that meets it (for docs). */
  readonly examples?: { readonly failing: RuleExample; readonly passing: RuleExample };
  /** Free-form grouping for docs: compute, network, data, keys, identity, hygiene. */
  readonly category?: string;
}

/** What a check can look at besides the resource itself. */
export interface RuleContext {
  readonly stack: StackDocument;
  /** Tag conventions in force (approval tag for public exposure, required tags). */
  readonly tags: ResolvedTagConfig;
  /** Modules the options approve (source, exact version, reason). */
  readonly approvedModules: readonly ApprovedModule[];
  /** The resource at a Terraform address in the same stack (`aws_subnet.a`), if there is one. */
  resourceAt(address: string): ResourceRecord | undefined;
  /** All resources of a type in the same stack. */
  resourcesOfType(type: string): readonly ResourceRecord[];
  /** The provider configuration a resource uses (honours its `provider` meta-argument). */
  providerFor(resource: ResourceRecord): ProviderRecord | undefined;
  /**
   * A value computed once per stack and shared by every check in it (an index of firewalls by the droplets
   * they name, say), so that cross-resource rules stay linear. Keys should start with the rule id.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** What a check returns: nothing (not applicable), one result, or several (one per block, say). */
export type CheckOutput = CheckResult | readonly CheckResult[] | undefined | void;

/** A rule: its metadata next to its check. */
export interface Rule extends RuleMetadata {
  check(resource: ResourceRecord, context: RuleContext): CheckOutput;
}

/** Define a rule; a typed identity function so rule files read as data. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Whether a rule's `resourceTypes` covers a type. */
export function ruleCoversType(rule: RuleMetadata, type: string): boolean {
  return rule.resourceTypes.some((pattern) => (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
}
