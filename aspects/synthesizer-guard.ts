/**
 * A stack's synthesizer can be called without `App.synth()`: `stack.synthesizer.synthesize(session)` by
 * hand, or `Testing.fullSynth(stack)`. Both write a stack directory that Terraform can apply, so for a
 * guarded stack the synthesizer is guarded too: it writes into staging, the directory is checked, and it
 * reaches the session's outdir only if accepted.
 *
 * `synthesizer` is an instance property that TerraformStack's constructor assigns. An accessor on
 * TerraformStack's prototype catches that assignment (and any later replacement by a custom synthesizer)
 * and hands out a guarded synthesizer; stacks that existed before it was installed are moved onto it.
 */
import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import { existingGuard, settle, type AppGuard } from './app-guard';
import { adoptAspects } from './guardrails-aspect';
import { appOf } from './scope';
import { createStaging } from './staging';

interface Session {
  readonly outdir: string;
  readonly manifest: ManifestLike;
  readonly skipValidation?: boolean;
}

interface ManifestLike {
  readonly version: string;
  readonly hclOutput: boolean;
  forStack(stack: TerraformStack): { readonly workingDirectory: string; annotations: unknown[] };
}

interface Synthesizer {
  synthesize(session: Session): void;
}

const inner = new WeakMap<object, Synthesizer>();
const wrappers = new WeakMap<Synthesizer, Synthesizer>();
const GUARDED = Symbol.for('cdktf-guardrails/synthesizer-accessor');

/** The synthesizer cdktf (or the app) gave the stack, unguarded: for our own inspection only. */
export function rawSynthesizer(stack: TerraformStack): Synthesizer | undefined {
  return inner.get(stack);
}

/** Install the accessor on the base TerraformStack prototype of `stack`, and move `stack` onto it. */
export function guardSynthesizerOf(stack: TerraformStack): void {
  const base = baseStackPrototype(stack);
  if (base) guardStackPrototype(base);
  // A stack built before the accessor existed holds its synthesizer as an own property: move it.
  const own = Object.getOwnPropertyDescriptor(stack, 'synthesizer');
  if (own && 'value' in own) {
    delete (stack as unknown as Record<string, unknown>).synthesizer;
    inner.set(stack, own.value as Synthesizer);
  }
}

/** The accessor on a TerraformStack prototype (once): stacks constructed from now on are guarded. */
export function guardStackPrototype(base: object): void {
  if (!Object.prototype.hasOwnProperty.call(base, GUARDED)) {
    Object.defineProperty(base, 'synthesizer', {
      configurable: true,
      enumerable: false,
      get(this: TerraformStack): Synthesizer | undefined {
        const current = inner.get(this);
        return current === undefined ? undefined : guarded(this, current);
      },
      set(this: TerraformStack, value: Synthesizer) {
        inner.set(this, value);
      },
    });
    Object.defineProperty(base, GUARDED, { value: true });
  }
}

/** cdktf's TerraformStack.prototype: the deepest prototype whose constructor has the static `isStack`. */
function baseStackPrototype(stack: TerraformStack): object | undefined {
  let found: object | undefined;
  for (let p = Object.getPrototypeOf(stack); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (typeof (p.constructor as { isStack?: unknown })?.isStack === 'function' && Object.prototype.hasOwnProperty.call(p, 'constructor')) found = p;
  }
  return found;
}

function guarded(stack: TerraformStack, synthesizer: Synthesizer): Synthesizer {
  let wrapper = wrappers.get(synthesizer);
  if (!wrapper) {
    wrapper = { synthesize: (session: Session) => synthesizeGuarded(stack, synthesizer, session) };
    wrappers.set(synthesizer, wrapper);
  }
  return wrapper;
}

function synthesizeGuarded(stack: TerraformStack, synthesizer: Synthesizer, session: Session): void {
  const app = appOf(stack);
  // Part of a guarded App.synth, which writes into its staging directory and checks everything after (and
  // has adopted the aspects already): no walk of the construct tree per stack.
  const running = app ? existingGuard(app) : undefined;
  if (running?.stagingDir !== undefined && path.resolve(session.outdir) === running.stagingDir) return synthesizer.synthesize(session);
  const guard = app ? adoptAspects(app) : undefined;
  const options = guard && (guard.stackOptions.get(stack) ?? guard.appOptions);
  if (!guard || !options || guard.inspecting) return synthesizer.synthesize(session);
  synthesizeAlone(stack, synthesizer, session, guard);
}

/** One stack, synthesized on its own: staged, checked, promoted into the session's outdir if accepted. */
function synthesizeAlone(stack: TerraformStack, synthesizer: Synthesizer, session: Session, guard: AppGuard): void {
  const outdir = path.resolve(session.outdir);
  const staging = createStaging(outdir);
  try {
    const ManifestClass = session.manifest.constructor as new (version: string, outdir: string, hclOutput: boolean) => ManifestLike;
    const manifest = new ManifestClass(session.manifest.version, staging.dir, session.manifest.hclOutput);
    synthesizer.synthesize({ ...session, outdir: staging.dir, manifest });
    const staged = manifest.forStack(stack);
    // The caller's manifest lists the stack (and its annotations) as if the synthesizer had written there.
    session.manifest.forStack(stack).annotations = staged.annotations;
    settle({ outdir, staging: staging.dir, guard, stacks: [{ stack, workingDirectory: staged.workingDirectory }], hclOutput: manifest.hclOutput });
  } finally {
    staging.dispose();
  }
}
