/**
 * The engine's data model. It knows nothing about cdktf: a resource is a type, a name, the JSON body
 * Terraform receives, and where it came from. Both entry points (synth-time enforcement and the CLI)
 * produce these shapes.
 */

/** How bad a broken rule is. `error` refuses synth / fails CI; `warning` is reported only. */
export type Severity = 'error' | 'warning';

/** A level a user can give a rule: its severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** Named rule sets. `baseline` is what every stack must meet; `strict` adds everything else. */
export type Profile = 'baseline' | 'strict';

/** Any JSON object, as found in Terraform JSON. */
export type JsonObject = { [key: string]: unknown };

/** One resource (or data source) as Terraform will receive it. */
export interface ResourceRecord {
  /** e.g. `aws_ebs_volume`. */
  readonly type: string;
  /** The logical name in the configuration, e.g. `data` in `aws_ebs_volume.data`. */
  readonly name: string;
  /** The Terraform address, e.g. `aws_ebs_volume.data` or `module.net.aws_subnet.a` (plans). */
  readonly address: string;
  /**
   * `managed` for `resource` blocks, `data` for data sources, `module` for a module call (its body is the
   * call's arguments: the resources it creates are not in the configuration, so rules can say so).
   */
  readonly mode: 'managed' | 'data' | 'module';
  /** The body Terraform receives: attributes and nested blocks (with `dynamic` blocks as written). */
  readonly body: JsonObject;
  /**
   * The construct path from cdktf's `//` metadata, or, for a resource that no construct owns
   * (added by a stack-level override, or written by hand), the stack's own path.
   */
  readonly constructPath: string;
  /** True when the `//` metadata named the construct path; false when it was inferred. */
  readonly ownedByConstruct: boolean;
  /**
   * On a module call whose local source was read: the directory, as shown to the user. The module's
   * resources are then in the stack under the call's address (`module.<name>.<type>.<name>`). Set only by
   * the readers, never from the input.
   */
  readonly readFrom?: string;
}

/** A provider configuration block (`provider.aws`, possibly one of several aliased ones). */
export interface ProviderRecord {
  readonly type: string;
  readonly alias?: string;
  readonly body: JsonObject;
}

/** A suppression as recorded in the synthesized output (so the CLI honours it exactly as synth did). */
export interface SuppressionRecord {
  readonly ruleId: string;
  /** Construct path prefix the suppression covers (segment-wise), e.g. `infra/legacy`; '' covers all. */
  readonly scope: string;
  /** When set, the suppression covers only the resource at this address. */
  readonly address?: string;
  readonly reason: string;
  /** ISO date `YYYY-MM-DD`; the suppression applies up to and including that day (UTC). */
  readonly expires?: string;
}

/** One stack (one Terraform root module) with everything the rules may look at. */
export interface StackDocument {
  /** Stack name (cdktf stack id, or the file name for plain Terraform JSON). */
  readonly name: string;
  /** File the stack was read from, relative where possible; used in reports. */
  readonly file?: string;
  readonly resources: readonly ResourceRecord[];
  readonly providers: readonly ProviderRecord[];
  readonly suppressions: readonly SuppressionRecord[];
  /**
   * Suppression records an entry point refused before evaluation (e.g. at synth, records injected into the
   * JSON by an override rather than made with Guardrails.suppress): reported as invalid, never honoured.
   */
  readonly rejectedSuppressions?: readonly { readonly record: unknown; readonly problem: string }[];
  /** Whether the values came from a plan (then unknown means "known only after apply"). */
  readonly source: 'config' | 'plan';
}

/** What a rule's check says about one resource (or one part of it). */
export type CheckStatus = 'pass' | 'violation' | 'unknown' | 'not-applicable';

export interface CheckResult {
  readonly status: CheckStatus;
  /** What is wrong (violation), what could not be verified (unknown), or what was seen (pass). */
  readonly message: string;
  /** Attribute path inside the resource the result is about, e.g. `root_block_device.encrypted`. */
  readonly attribute?: string;
}

/** How a finding came about. */
export type FindingKind =
  /** the configuration breaks the rule */
  | 'violation'
  /** a value the rule needs is not known (fail closed) */
  | 'unknown'
  /** it was suppressed, but the suppression expired */
  | 'expired-suppression'
  /** the rule's check threw; reported so a broken rule never passes silently */
  | 'rule-error';

/** A finding that is reported (as error or warning). */
export interface Violation {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly kind: FindingKind;
  readonly stack: string;
  readonly constructPath: string;
  /** Terraform address, e.g. `aws_ebs_volume.data`. */
  readonly address: string;
  readonly resourceType: string;
  readonly message: string;
  readonly fix: string;
  readonly attribute?: string;
  readonly file?: string;
  /** Where in `file` the resource is written (1-based), when the entry point knows. */
  readonly line?: number;
  readonly column?: number;
  /** The suppression that expired, for `expired-suppression`. */
  readonly suppression?: SuppressionRecord;
}

/** A finding that a valid suppression covered: not reported as a violation, but audited. */
export interface SuppressedFinding {
  readonly violation: Violation;
  readonly suppression: SuppressionRecord;
}
