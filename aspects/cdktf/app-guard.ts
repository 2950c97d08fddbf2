/**
 * The cdktf adapter: wraps an App's `synth()` so that, after cdktf has written every stack (after all
 * aspects, escape hatches and stack-level overrides), the engine checks the JSON that was actually
 * written: exactly what Terraform will receive.
 *
 * Why not an aspect: in cdktf 0.21 aspects added to the App are never invoked, an aspect sees constructs
 * rather than the final JSON (so `addOverride` on the stack slips past), and error annotations can be
 * switched off by `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS`. Wrapping `synth()` avoids all three: it
 * throws its own error, reads the written files, and finds stacks when synth runs, so stacks added after
 * `Guardrails.enforce` are covered too.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { App, TerraformStack } from 'cdktf';
import { evaluate, type EvaluationResult } from '../engine/evaluate';
import type { ResolvedOptions } from '../engine/options';
import type { RuleMetadata } from '../engine/rule';
import type { StackDocument, SuppressionRecord } from '../engine/types';
import { GuardrailViolationError } from '../engine/violation-error';
import { mergeResults } from '../engine/merge-results';
import { withLocations } from '../engine/with-locations';
import { SourceLocator } from '../input/locator';
import { GUARDRAILS_METADATA_KEY, stackFromTerraformJson } from '../input/terraform-json';
import { writeReports } from '../reports/write-reports';
import { builtInRules } from '../rules';
import { scopeCovers } from '../engine/suppressions';
import { constructPathsByAddress, isStack } from './scope';

export interface AppGuard {
  readonly app: App;
  appOptions?: ResolvedOptions;
  readonly stackOptions: Map<TerraformStack, ResolvedOptions>;
  readonly suppressions: SuppressionRecord[];
  /** Set by the last guarded synth; for tests and tooling. */
  lastResult?: EvaluationResult;
  /** True while a guarded synth runs (so nested synth calls check once). */
  synthesizing?: boolean;
}

const guards = new WeakMap<App, AppGuard>();

/** The guard for an app, installing the synth wrapper the first time. */
export function guardFor(app: App): AppGuard {
  let guard = guards.get(app);
  if (guard) return guard;
  guard = { app, stackOptions: new Map(), suppressions: [] };
  guards.set(app, guard);
  installSynthWrapper(app, guard);
  return guard;
}

export function existingGuard(app: App): AppGuard | undefined {
  return guards.get(app);
}

const PATCHED = Symbol.for('cdktf-guardrails/synth-patched');

/**
 * Two layers, so neither `app.synth = …` nor `App.prototype.synth.call(app)` skips the check: an own,
 * non-writable `synth` on the instance, and a wrapper on the prototype that defines `synth` (cdktf's App,
 * whichever copy of cdktf the app came from), which checks guarded apps and leaves others alone. A
 * re-entrancy flag makes a subclass's `super.synth()` check once.
 */
function installSynthWrapper(app: App, guard: AppGuard): void {
  const base = prototypeDefiningSynth(app);
  if (base && !(base as unknown as Record<symbol, unknown>)[PATCHED]) {
    const original = base.synth;
    Object.defineProperty(base, 'synth', {
      configurable: true,
      writable: true,
      value: function synth(this: App): void {
        const g = guards.get(this);
        if (!g || g.synthesizing) return original.call(this);
        guardedSynth(this, g, () => original.call(this));
      },
    });
    Object.defineProperty(base, PATCHED, { value: true });
  }
  const own = app.synth;
  Object.defineProperty(app, 'synth', {
    configurable: false,
    writable: false,
    enumerable: false,
    value: function synth(this: App): void {
      if (guard.synthesizing) return own.call(app);
      guardedSynth(app, guard, () => own.call(app));
    },
  });
}

function guardedSynth(app: App, guard: AppGuard, synthesize: () => void): void {
  guard.synthesizing = true;
  try {
    const stacks = app.node.findAll().filter(isStack);
    recordSuppressions(stacks, guard.suppressions);
    synthesize();
    checkSynthesizedStacks(app, guard, stacks);
  } finally {
    guard.synthesizing = false;
  }
}

/** The deepest prototype in the chain that has its own `synth`: cdktf's App.prototype. */
function prototypeDefiningSynth(app: App): App | undefined {
  let found: App | undefined;
  for (let p = Object.getPrototypeOf(app); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, 'synth')) found = p as App;
  }
  return found;
}

/**
 * Suppressions travel in each stack's `//` metadata, so the CLI honours them exactly as synth does.
 * Stack-level `//` (not each resource's) so that resources added by overrides are covered by a
 * suppression on their stack, as they are by its construct path.
 */
export function recordSuppressions(stacks: readonly TerraformStack[], suppressions: readonly SuppressionRecord[]): void {
  for (const stack of stacks) {
    const mine = suppressions.filter((s) => scopeCovers(s.scope, stack.node.path) || s.scope.startsWith(`${stack.node.path}/`));
    if (mine.length > 0) stack.addOverride(`//.${GUARDRAILS_METADATA_KEY}.suppressions`, mine);
  }
}

function checkSynthesizedStacks(app: App, guard: AppGuard, stacks: readonly TerraformStack[]): void {
  const groups = new Map<ResolvedOptions, StackDocument[]>();
  const locator = new SourceLocator();
  const files = new Map<string, string>();
  for (const stack of stacks) {
    const options = guard.stackOptions.get(stack) ?? guard.appOptions;
    if (!options) continue;
    const { document: written, file, text } = readSynthesizedStack(app, stack);
    if (text !== undefined && written.file !== undefined) locator.remember(written.file, text);
    const document = onlyRegisteredSuppressions(withTreePaths(written, stack), guard.suppressions);
    files.set(document.name, file);
    groups.set(options, [...(groups.get(options) ?? []), document]);
  }
  if (groups.size === 0) return;

  const results = [...groups.entries()].map(([options, documents]) => evaluate(documents, options));
  const result = withLocations(results.length === 1 ? results[0] : mergeResults(results), locator.locate);
  guard.lastResult = result;
  const rules: RuleMetadata[] = [...builtInRules];
  for (const options of groups.keys()) {
    for (const { rule } of options.active) if (!rules.some((r) => r.id === rule.id)) rules.push(rule);
  }
  const reportDir = path.join(app.outdir, 'guardrails');
  writeReports(reportDir, result, rules);

  const errors = result.violations.filter((v) => v.severity === 'error');
  if (errors.length === 0) return;
  // A refused stack must not leave output behind that looks like a good synth.
  for (const stack of new Set(errors.map((v) => v.stack))) {
    const file = files.get(stack);
    if (file && fs.existsSync(file)) fs.rmSync(file);
  }
  throw new GuardrailViolationError(errors, path.join(reportDir, 'report.json'));
}

/**
 * Construct paths from the construct tree, not from the JSON's `//` metadata: a resource no construct
 * owns (added by an override) belongs to its stack, whatever metadata it carries.
 */
export function withTreePaths(document: StackDocument, stack: TerraformStack): StackDocument {
  const paths = constructPathsByAddress(stack);
  return {
    ...document,
    resources: document.resources.map((r) => {
      const path = paths.get(r.address);
      return path === undefined ? { ...r, constructPath: stack.node.path, ownedByConstruct: false } : { ...r, constructPath: path, ownedByConstruct: true };
    }),
  };
}

/**
 * At synth, a suppression counts only if it was made with Guardrails.suppress (which validated it and
 * recorded it here). Records that reached the JSON another way, e.g. an `addOverride` writing
 * `//.guardrails.suppressions`, are reported as invalid and not honoured. (The CLI, which reads output
 * written by a guarded synth, honours what it finds there.)
 */
function onlyRegisteredSuppressions(document: StackDocument, registered: readonly SuppressionRecord[]): StackDocument {
  const key = (s: Partial<SuppressionRecord>) => JSON.stringify([s.ruleId, s.scope, s.reason, s.expires ?? null, s.address ?? null]);
  const known = new Set(registered.map(key));
  const accepted: SuppressionRecord[] = [];
  const rejected: { record: unknown; problem: string }[] = [];
  for (const record of document.suppressions) {
    if (typeof record === 'object' && record !== null && known.has(key(record))) accepted.push(record);
    else rejected.push({ record, problem: 'not made with Guardrails.suppress (written into the synthesized JSON another way, e.g. by addOverride)' });
  }
  return rejected.length === 0 ? document : { ...document, suppressions: accepted, rejectedSuppressions: rejected };
}

/**
 * The stack as written by cdktf. With `hclOutput` the file is HCL, which we do not parse; then the same
 * elements are rendered as JSON by `toTerraform()` (the synthesizer has already run the aspects).
 */
function readSynthesizedStack(app: App, stack: TerraformStack): { document: StackDocument; file: string; text?: string } {
  const manifest = app.manifest.forStack(stack);
  const file = path.join(app.outdir, manifest.synthesizedStackPath);
  const relative = manifest.synthesizedStackPath.split(path.sep).join('/');
  if (app.hclOutput) {
    return { document: stackFromTerraformJson(stack.toTerraform(), { stack: stack.node.id, file: relative }), file };
  }
  if (!fs.existsSync(file)) {
    throw new Error(
      `cdktf-guardrails: stack '${stack.node.id}' wrote no ${relative} during synth (custom synthesizer?), so its guardrails cannot be checked; refusing to continue.`,
    );
  }
  const text = fs.readFileSync(file, 'utf8');
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`cdktf-guardrails: ${relative} of stack '${stack.node.id}' is not a JSON object; refusing to continue.`);
  }
  return { document: stackFromTerraformJson(json as Record<string, unknown>, { stack: stack.node.id, file: relative }), file, text };
}
