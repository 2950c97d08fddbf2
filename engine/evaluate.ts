/**
 * The engine: every active rule on every resource it covers, in every stack. Results are data; what to do
 * with them (refuse synth, exit 1, write SARIF) is the entry points' business.
 */
import { approvalFor, type ApprovedModule } from './approved-modules';
import { createContext } from './context';
import type { ResolvedOptions } from './options';
import { ruleCoversType, type Rule } from './rule';
import { findSuppression } from './suppressions';
import { suppressionProblem } from './suppressions';
import type { CheckResult, ResourceRecord, Severity, StackDocument, SuppressedFinding, SuppressionRecord, Violation } from './types';

export interface InvalidSuppression {
  readonly stack: string;
  readonly record: unknown;
  readonly problem: string;
}

export interface UsedApproval extends ApprovedModule {
  readonly stack: string;
  readonly address: string;
  readonly constructPath: string;
}

export interface UncoveredType {
  readonly type: string;
  readonly count: number;
  readonly stacks: readonly string[];
}

export interface EvaluationResult {
  readonly profile: ResolvedOptions['profile'];
  readonly unknownValues: Severity;
  readonly today: string;
  readonly stacks: readonly { readonly name: string; readonly file?: string; readonly resources: number; readonly source: 'config' | 'plan' }[];
  /** Every rule that ran, with the level it ran at. */
  readonly rules: readonly { readonly id: string; readonly level: Severity; readonly source: string }[];
  readonly off: ResolvedOptions['off'];
  readonly changes: ResolvedOptions['changes'];
  /** Findings reported as errors or warnings, in stack, address, rule order. */
  readonly violations: readonly Violation[];
  /** Findings that a live suppression covered. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppression records that were malformed and therefore not honoured. */
  readonly invalidSuppressions: readonly InvalidSuppression[];
  /** Module calls that an approval in the options let through, with the approval: audited like suppressions. */
  readonly approvedModules: readonly UsedApproval[];
  /** Managed resource types no active rule names explicitly (coverage gaps: shown, not errors). */
  readonly uncoveredTypes: readonly UncoveredType[];
  readonly resourcesChecked: number;
}

/** Levels from least to most severe: a finding's level is the lower of the rule's and the unknown-values level. */
function lower(a: Severity, b: Severity): Severity {
  return a === 'warning' || b === 'warning' ? 'warning' : 'error';
}

export function evaluate(stacks: readonly StackDocument[], options: ResolvedOptions): EvaluationResult {
  const violations: Violation[] = [];
  const suppressed: SuppressedFinding[] = [];
  const invalidSuppressions: InvalidSuppression[] = [];
  const approvedModules: UsedApproval[] = [];
  const uncovered = new Map<string, { count: number; stacks: Set<string> }>();
  let resourcesChecked = 0;
  // Which active rules run on a type, and whether one names it exactly: worked out once per type, not once
  // per resource (a stack has many resources of few types; every rule's patterns would be matched again).
  const byType = new Map<string, { rules: ResolvedOptions['active']; covered: boolean }>();
  const rulesFor = (type: string) => {
    let entry = byType.get(type);
    if (!entry) {
      const rules = options.active.filter(({ rule }) => ruleCoversType(rule, type));
      entry = { rules, covered: rules.some(({ rule }) => rule.resourceTypes.includes(type)) };
      byType.set(type, entry);
    }
    return entry;
  };

  for (const stack of stacks) {
    const context = createContext(stack, options.tags, options.approvedModules);
    for (const call of stack.resources) {
      if (call.mode !== 'module') continue;
      const approval = approvalFor(call.body, options.approvedModules);
      if (approval) approvedModules.push({ stack: stack.name, address: call.address, constructPath: call.constructPath, ...approval });
    }
    const suppressions = validSuppressions(stack, options, invalidSuppressions);
    /** A violation, unknown or rule error becomes a finding, unless a live suppression covers it. */
    const report = (rule: Rule, level: Severity, result: RunResult, resource: ResourceRecord): void => {
      if (result.status !== 'violation' && result.status !== 'unknown' && result.status !== 'rule-error') return;
      const finding = toViolation(rule, level, result, resource, stack, options);
      const match = findSuppression(rule.id, resource.constructPath, resource.address, suppressions, options.today);
      if (match && !match.expired) suppressed.push({ violation: finding, suppression: match.suppression });
      else if (match) violations.push(expiredFinding(finding, match.suppression));
      else violations.push(finding);
    };
    for (const resource of stack.resources) {
      if (resource.mode === 'data' || createsNothing(resource)) continue;
      resourcesChecked++;
      const { rules, covered } = rulesFor(resource.type);
      for (const { rule, level } of rules) {
        const output = runCheck(rule, resource, context);
        if (Array.isArray(output)) for (const result of output) report(rule, level, result, resource);
        else if (output !== undefined) report(rule, level, output as RunResult, resource);
      }
      if (!covered && resource.mode === 'managed') {
        const entry = uncovered.get(resource.type) ?? { count: 0, stacks: new Set<string>() };
        entry.count++;
        entry.stacks.add(stack.name);
        uncovered.set(resource.type, entry);
      }
    }
  }

  return {
    profile: options.profile,
    unknownValues: options.unknownValues,
    today: options.today,
    stacks: stacks.map((s) => ({ name: s.name, file: s.file, resources: s.resources.length, source: s.source })),
    rules: options.active.map((a) => ({ id: a.rule.id, level: a.level, source: a.source })),
    off: options.off,
    changes: options.changes,
    violations,
    suppressed,
    invalidSuppressions,
    approvedModules,
    uncoveredTypes: [...uncovered.entries()]
      .map(([type, e]) => ({ type, count: e.count, stacks: [...e.stacks].sort() }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    resourcesChecked,
  };
}

type RunResult = CheckResult | { status: 'rule-error'; message: string; attribute?: string };

const STATUSES: ReadonlySet<string> = new Set(['pass', 'violation', 'unknown', 'not-applicable']);

/**
 * Run one check. A check that throws, or returns something that is not a result (a status the engine does
 * not know, a non-object, no message), becomes a `rule-error` finding naming the rule, so a broken rule never
 * passes silently.
 */
function runCheck(rule: Rule, resource: ResourceRecord, context: ReturnType<typeof createContext>): RunResult | readonly RunResult[] | undefined {
  let output: unknown;
  try {
    output = rule.check(resource, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return ruleError(rule, `failed on this resource: ${reason}`);
  }
  if (output === undefined || output === null) return undefined;
  // One result (most checks return one) is passed on as it is: no array is made for it.
  if (!Array.isArray(output)) return wellFormed(rule, output, 'result');
  return output.map((result: unknown, i) => wellFormed(rule, result, `result [${i}]`));
}

/** The result itself, or a rule-error finding saying what the check returned instead of a result. */
function wellFormed(rule: Rule, result: unknown, where: string): RunResult {
  const problem = resultProblem(result);
  if (problem === undefined) return result as CheckResult;
  return ruleError(rule, `returned a ${where} the engine does not understand (${problem}); a check returns pass / violation / unknown / notApplicable results`);
}

/** What is wrong with something a check returned as a result, or undefined when it is a well-formed result. */
function resultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return `${describeValue(result)} is not a result object`;
  const { status, message, attribute } = result as Record<string, unknown>;
  if (typeof status !== 'string' || !STATUSES.has(status)) return `status ${describeValue(status)}`;
  if (typeof message !== 'string') return `message ${describeValue(message)}`;
  if (attribute !== undefined && typeof attribute !== 'string') return `attribute ${describeValue(attribute)}`;
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function ruleError(rule: Rule, what: string): RunResult {
  return { status: 'rule-error', message: `rule '${rule.id}' ${what}` };
}

function toViolation(rule: Rule, level: Severity, result: RunResult, resource: ResourceRecord, stack: StackDocument, options: ResolvedOptions): Violation {
  const kind = result.status === 'unknown' ? 'unknown' : result.status === 'rule-error' ? 'rule-error' : 'violation';
  const when = stack.source === 'plan' ? 'before apply' : 'at synth time';
  const message = kind === 'unknown' ? `cannot be verified ${when}: ${result.message}` : result.message;
  const finding: { -readonly [K in keyof Violation]: Violation[K] } = {
    ruleId: rule.id,
    severity: kind === 'unknown' ? lower(level, options.unknownValues) : level,
    kind,
    stack: stack.name,
    constructPath: resource.constructPath,
    address: resource.address,
    resourceType: resource.type,
    message,
    fix: rule.fix,
  };
  // Optional members are set only when present (reports and tests compare findings as written); assigned
  // rather than spread, which keeps V8 on its fast path at tens of thousands of findings.
  if (result.attribute !== undefined) finding.attribute = result.attribute;
  if (stack.file !== undefined) finding.file = stack.file;
  return finding;
}

function expiredFinding(finding: Violation, suppression: SuppressionRecord): Violation {
  return {
    ...finding,
    kind: 'expired-suppression',
    message: `${finding.message} (the suppression "${suppression.reason}" expired on ${suppression.expires})`,
    suppression,
  };
}

function validSuppressions(stack: StackDocument, options: ResolvedOptions, invalid: InvalidSuppression[]): SuppressionRecord[] {
  const valid: SuppressionRecord[] = [];
  for (const { record, problem } of stack.rejectedSuppressions ?? []) invalid.push({ stack: stack.name, record, problem });
  for (const record of stack.suppressions) {
    const problem =
      typeof record?.scope !== 'string' ? `scope must be a construct path string` : suppressionProblem(record.ruleId, record, options.knownRuleIds);
    if (problem) invalid.push({ stack: stack.name, record, problem });
    else valid.push(record);
  }
  return valid;
}

/** `count = 0` or an empty literal `for_each` creates no instance: nothing to check. */
export function createsNothing(resource: ResourceRecord): boolean {
  const { count, for_each: forEach } = resource.body;
  if (count === 0 || count === '0') return true;
  if (Array.isArray(forEach) && forEach.length === 0) return true;
  return typeof forEach === 'object' && forEach !== null && !Array.isArray(forEach) && Object.keys(forEach).length === 0;
}
