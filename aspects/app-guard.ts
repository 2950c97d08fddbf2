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
import { cdk, loadedCdkCopies } from './cdk';
import { evaluate, type EvaluationResult } from '../engine/evaluate';
import type { GuardrailOptions, ResolvedOptions } from '../engine/options';
import type { RuleMetadata } from '../engine/rule';
import type { StackDocument, SuppressionRecord, Violation } from '../engine/types';
import { GuardrailViolationError } from '../engine/violation-error';
import { mergeResults } from '../engine/merge-results';
import { withLocations } from '../engine/with-locations';
import { withResourceFiles } from '../engine/with-resource-files';
import { SourceLocator } from '../engine/input/locator';
import { GUARDRAILS_METADATA_KEY } from '../engine/input/terraform-json';
import { writeReports } from '../engine/reports/write-reports';
import { builtInRules } from '../rules';
import { refuseEscapingAssets } from './assets';
import { isStack } from './scope';
import { coversStack, readStagedStack, UncheckableStackError } from './staged-stack';
import { withJsonencodeEvaluated } from '../engine/input/jsonencode-literals';
import { guardStackPrototype, guardSynthesizerOf } from './synthesizer-guard';
import { adoptAspects } from './guardrails-aspect';
import { installTestingGuard } from './testing-guard';
import { clearSynthOutput, createStaging, GUARDRAILS_DIR, keepRefused, promoteStackDir } from './staging';

/** Who gave a scope its options: `Guardrails.enforce` or a GuardrailsAspect (compared when both do). */
export interface OptionsSource {
  readonly given: GuardrailOptions | undefined;
  readonly by: 'enforce' | 'aspect';
  /** For messages, e.g. "Guardrails.enforce(<app>)". */
  readonly where: string;
}

export interface AppGuard {
  readonly app: App;
  appOptions?: ResolvedOptions;
  appSource?: OptionsSource;
  readonly stackOptions: Map<TerraformStack, ResolvedOptions>;
  readonly stackSources: Map<TerraformStack, OptionsSource>;
  readonly suppressions: SuppressionRecord[];
  /** Set by the last guarded synth; for tests and tooling. */
  lastResult?: EvaluationResult;
  /** True while a guarded synth runs (so nested synth calls check once). */
  synthesizing?: boolean;
  /** The staging directory of the app synth under way: stack synthesizers writing there are part of it. */
  stagingDir?: string;
  /** True while the library itself synthesizes a stack to inspect it (the matchers): no refusal. */
  inspecting?: boolean;
}

const guards = new WeakMap<App, AppGuard>();

/** The guard for an app, installing the synth wrapper the first time. */
export function guardFor(app: App): AppGuard {
  let guard = guards.get(app);
  if (guard) return guard;
  guard = { app, stackOptions: new Map(), stackSources: new Map(), suppressions: [] };
  guards.set(app, guard);
  installSynthWrapper(app, guard);
  guardSynthesizers(app);
  loadedCdkCopies().forEach((copy) => installTestingGuard(copy));
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
  if (base) patchAppPrototype(base);
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

/**
 * Synth into a staging directory, then check every stack directory as Terraform will read it, then move
 * the accepted ones into the outdir. The outdir is fixed (as an absolute path) before anything runs, so an
 * aspect that changes `app.outdir` or `process.cwd()` cannot send the check elsewhere; cdktf writes
 * wherever `app.outdir` points when its synth starts, which is the staging directory.
 */
function guardedSynth(app: App, guard: AppGuard, synthesize: () => void): void {
  guard.synthesizing = true;
  adoptAspects(app);
  const outdir = path.resolve(app.outdir);
  const staging = createStaging(outdir);
  const mutable = app as unknown as { outdir: string; manifest: { outdir: string } };
  const saved = { outdir: mutable.outdir, manifestOutdir: mutable.manifest.outdir };
  try {
    const stacks = app.node.findAll().filter(isStack);
    stacks.forEach(guardSynthesizerOf);
    refuseEscapingAssets(stacks);
    // HCL output cannot carry them (and the CLI reads no HCL); synth itself uses the registry.
    if (!writesHcl(app)) recordSuppressions(stacks, guard.suppressions);
    mutable.outdir = staging.dir;
    mutable.manifest.outdir = staging.dir;
    guard.stagingDir = staging.dir;
    try {
      synthesize();
    } finally {
      mutable.outdir = saved.outdir;
      mutable.manifest.outdir = saved.manifestOutdir;
      guard.stagingDir = undefined;
    }
    // Stacks added while synth ran (by an aspect) were synthesized too: check what is there now.
    const synthesized = app.node.findAll().filter(isStack);
    settle({
      outdir,
      staging: staging.dir,
      guard,
      stacks: synthesized.map((stack) => ({ stack, workingDirectory: app.manifest.forStack(stack).workingDirectory })),
      hclOutput: app.hclOutput,
      manifestFile: path.join(staging.dir, 'manifest.json'),
      wholeApp: true,
    });
  } finally {
    staging.dispose();
    guard.synthesizing = false;
  }
}

/** Whether stacks are written as HCL: the app's setting, or cdktf's environment switch for synthesizers. */
function writesHcl(app: App): boolean {
  return app.hclOutput || process.env.SYNTH_HCL_OUTPUT === 'true' || process.env.SYNTH_HCL_OUTPUT === '1';
}

/** Every stack of the app, and every stack made from now on, gets a guarded synthesizer. */
function guardSynthesizers(app: App): void {
  guardStackPrototype(cdk.TerraformStack.prototype);
  app.node.findAll().filter(isStack).forEach(guardSynthesizerOf);
}

/**
 * The wrapper on an App prototype's `synth`: guarded apps (by `Guardrails.enforce`, or by a GuardrailsAspect
 * found on the app or a stack when synth starts) are checked; others are left alone.
 */
export function patchAppPrototype(base: App): void {
  if ((base as unknown as Record<symbol, unknown>)[PATCHED]) return;
  const original = base.synth;
  Object.defineProperty(base, 'synth', {
    configurable: true,
    writable: true,
    value: function synth(this: App): void {
      const g = adoptAspects(this) ?? guards.get(this);
      if (!g || g.synthesizing) return original.call(this);
      guardedSynth(this, g, () => original.call(this));
    },
  });
  Object.defineProperty(base, PATCHED, { value: true });
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
    const mine = suppressions.filter((s) => coversStack(s, stack));
    if (mine.length > 0) stack.addOverride(`//.${GUARDRAILS_METADATA_KEY}.suppressions`, mine);
  }
}

export interface SettleInput {
  /** The real outdir, absolute. */
  readonly outdir: string;
  readonly staging: string;
  readonly guard: AppGuard;
  readonly stacks: readonly { readonly stack: TerraformStack; readonly workingDirectory: string }[];
  readonly hclOutput: boolean;
  /** The staged manifest, promoted with the stacks when there is one. */
  readonly manifestFile?: string;
  /**
   * Whether this is the whole app: then configuration in `<outdir>/stacks/*` that this synth did not write
   * (a stack that no longer exists, something written past the staging directory) is removed too.
   */
  readonly wholeApp?: boolean;
}

/**
 * Check every staged stack, write the reports, promote what was accepted, keep what was refused out of
 * Terraform's way, and throw if anything was refused.
 */
export function settle(input: SettleInput): void {
  const { guard, outdir, staging } = input;
  const locator = new SourceLocator();
  const groups = new Map<ResolvedOptions, StackDocument[]>();
  const resourceFiles = new Map<string, ReadonlyMap<string, string>>();
  const checked = new Map<string, { stagedDir: string; targetDir: string; dirName: string }>();
  const unchecked: { stagedDir: string; targetDir: string }[] = [];
  const uncheckable: UncheckableStackError[] = [];
  for (const { stack, workingDirectory } of input.stacks) {
    const stagedDir = path.join(staging, workingDirectory);
    const targetDir = path.join(outdir, workingDirectory);
    if (!isOwnStackDirectory(workingDirectory)) {
      uncheckable.push(
        new UncheckableStackError(
          stack.node.path,
          `has the working directory ${JSON.stringify(workingDirectory)}, which is not a directory of its own under stacks/ (a stack id of '.' or '..'?)`,
        ),
      );
      continue;
    }
    const options = guard.stackOptions.get(stack) ?? guard.appOptions;
    if (!options) {
      unchecked.push({ stagedDir, targetDir });
      continue;
    }
    try {
      const read = readStagedStack({ stack, stagedDir, workingDirectory }, guard.suppressions, input.hclOutput, (f, t) => locator.remember(f, t));
      groups.set(options, [...(groups.get(options) ?? []), read.document]);
      if (read.files.size > 0) resourceFiles.set(read.document.name, read.files);
      checked.set(read.document.name, { stagedDir, targetDir, dirName: path.basename(workingDirectory) });
    } catch (error) {
      if (!(error instanceof UncheckableStackError)) throw error;
      uncheckable.push(error);
      clearSynthOutput(targetDir);
    }
  }

  const reportDir = path.join(outdir, GUARDRAILS_DIR);
  let errors: Violation[] = [];
  if (groups.size > 0) {
    // Every stack's Fn.jsonencode values in one run of the HCL converter (a child process), not one per stack.
    const documents = withJsonencodeEvaluated([...groups.values()].flat());
    let next = 0;
    const results = [...groups.entries()].map(([options, group]) => evaluate(documents.slice(next, (next += group.length)), options));
    const result = withLocations(withResourceFiles(results.length === 1 ? results[0] : mergeResults(results), resourceFiles), locator.locate);
    guard.lastResult = result;
    writeReports(reportDir, result, rulesOf(groups.keys()));
    errors = result.violations.filter((v) => v.severity === 'error');
  }
  if (uncheckable.length > 0) {
    // Nothing is promoted when a stack could not even be read: its error says why.
    for (const { targetDir } of checked.values()) clearSynthOutput(targetDir);
    if (input.wholeApp) sweepStacks(outdir, new Set());
    throw uncheckable[0];
  }

  const refused = new Set(errors.map((v) => v.stack));
  const kept: string[] = [];
  for (const [name, dirs] of checked) {
    if (refused.has(name)) {
      clearSynthOutput(dirs.targetDir);
      kept.push(keepRefused(dirs.stagedDir, outdir, dirs.dirName));
    } else promoteStackDir(dirs.stagedDir, dirs.targetDir);
  }
  for (const { stagedDir, targetDir } of unchecked) if (fs.existsSync(stagedDir)) promoteStackDir(stagedDir, targetDir);
  if (input.wholeApp) {
    const written = [...[...checked.entries()].filter(([name]) => !refused.has(name)).map(([, d]) => d.targetDir), ...unchecked.map((u) => u.targetDir)];
    sweepStacks(outdir, new Set(written));
  }
  if (input.manifestFile && fs.existsSync(input.manifestFile)) fs.renameSync(input.manifestFile, path.join(outdir, 'manifest.json'));
  if (errors.length > 0) throw new GuardrailViolationError(errors, path.join(reportDir, 'report.json'), kept);
}

/** `stacks/<id>`, one plain segment: what cdktf's manifest gives every stack. */
function isOwnStackDirectory(workingDirectory: string): boolean {
  const parts = path.normalize(workingDirectory).split(path.sep);
  return parts.length === 2 && parts[0] === 'stacks' && parts[1] !== '' && parts[1] !== '.' && parts[1] !== '..';
}

/** Remove configuration from every stack directory of the outdir except those this synth wrote and accepted. */
function sweepStacks(outdir: string, keep: ReadonlySet<string>): void {
  const stacksDir = path.join(outdir, 'stacks');
  let names: string[];
  try {
    names = fs.readdirSync(stacksDir);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(stacksDir, name);
    if (!keep.has(dir) && fs.lstatSync(dir).isDirectory()) clearSynthOutput(dir);
  }
}

function rulesOf(optionSets: Iterable<ResolvedOptions>): RuleMetadata[] {
  const rules: RuleMetadata[] = [...builtInRules];
  for (const options of optionSets) {
    for (const { rule } of options.active) if (!rules.some((r) => r.id === rule.id)) rules.push(rule);
  }
  return rules;
}
