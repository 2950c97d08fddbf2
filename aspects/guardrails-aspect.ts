/**
 * The aspect form, for cdk-nag users: `Aspects.of(app).add(new GuardrailsAspect(options))` (or on a stack)
 * enforces exactly like `Guardrails.enforce`. cdktf never invokes aspects added to the App, and invokes a
 * stack's only while that stack is synthesized, so the aspect does no checking when visited: constructing it
 * installs the synth guards, which look for GuardrailsAspects on the app and its stacks whenever synth
 * starts (app synth, a stack's synthesizer, cdktf's Testing helpers) and enforce their options.
 */
import type { App, IAspect, TerraformStack } from 'cdktf';
import { cdk, loadedCdkCopies } from './cdk';
import type { IConstruct } from 'constructs';
import { GuardrailConfigError } from '../engine/config-error';
import { resolveOptions, type GuardrailOptions } from '../engine/options';
import { builtInRules } from '../rules';
import { existingGuard, guardFor, patchAppPrototype, type AppGuard, type OptionsSource } from './app-guard';
import { isApp, isStack } from './scope';
import { guardStackPrototype } from './synthesizer-guard';
import { installTestingGuard } from './testing-guard';

const ASPECT = Symbol.for('cdktf-guardrails/aspect');

export class GuardrailsAspect implements IAspect {
  /** The options this aspect enforces (as given). */
  readonly options: GuardrailOptions | undefined;

  /**
   * @param options the same options as `Guardrails.enforce`; checked now, so a typo fails here.
   */
  constructor(options?: GuardrailOptions) {
    resolveOptions(options, builtInRules, 'GuardrailsAspect options');
    this.options = options;
    Object.defineProperty(this, ASPECT, { value: true });
    for (const copy of loadedCdkCopies()) {
      patchAppPrototype(copy.App.prototype);
      guardStackPrototype(copy.TerraformStack.prototype);
      installTestingGuard(copy);
    }
  }

  /** Nothing to do per construct: the synth guard checks what synth writes, after every aspect has run. */
  visit(_node: IConstruct): void {}
}

export function isGuardrailsAspect(x: unknown): x is GuardrailsAspect {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[ASPECT] === true;
}

/**
 * Enforce the options of every GuardrailsAspect on the app or one of its stacks. Returns the app's guard,
 * or undefined when the app has neither aspects nor `Guardrails.enforce`.
 */
export function adoptAspects(app: App): AppGuard | undefined {
  const scopes: IConstruct[] = [app, ...app.node.findAll().filter(isStack)];
  let guard = existingGuard(app);
  for (const scope of scopes) {
    for (const aspect of cdk.Aspects.of(scope).all) {
      if (!isGuardrailsAspect(aspect)) continue;
      guard ??= guardFor(app);
      registerOptions(guard, scope as App | TerraformStack, {
        given: aspect.options,
        by: 'aspect',
        where: `the GuardrailsAspect on '${scope.node.path || '<app>'}'`,
      });
    }
  }
  return guard;
}

/**
 * Give a scope (the app or one stack) its options. `Guardrails.enforce` twice on one scope is an error (pass
 * all options in one call); an aspect and `enforce`, or two aspects, on one scope must agree, and then count
 * once.
 */
export function registerOptions(guard: AppGuard, scope: App | TerraformStack, source: OptionsSource): void {
  const existing = isApp(scope) ? guard.appSource : guard.stackSources.get(scope);
  if (existing) {
    if (existing.by === 'enforce' && source.by === 'enforce') {
      const what = isApp(scope) ? 'this App' : `stack '${scope.node.path}'`;
      throw new GuardrailConfigError(`Guardrails.enforce: guardrails are already enforced on ${what}; pass all options in one call`);
    }
    if (!sameOptions(existing.given, source.given)) {
      throw new GuardrailConfigError(
        `${source.where} and ${existing.where} give different options (${describeOptions(source.given)} vs ${describeOptions(existing.given)}); give them in one place, or the same in both`,
      );
    }
    return;
  }
  const resolved = resolveOptions(source.given, builtInRules, `${source.where} options`);
  if (isApp(scope)) {
    guard.appOptions = resolved;
    guard.appSource = source;
  } else {
    guard.stackOptions.set(scope, resolved);
    guard.stackSources.set(scope, source);
  }
}

/** Equal as data; custom rules and other functions by identity. */
function sameOptions(a: GuardrailOptions | undefined, b: GuardrailOptions | undefined): boolean {
  return a === b || canonical(a ?? {}) === canonical(b ?? {});
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function' || (typeof v === 'object' && v !== null && 'check' in v && typeof (v as { check: unknown }).check === 'function')) {
      const object = v as object;
      if (!identities.has(object)) identities.set(object, nextIdentity++);
      return `#object${identities.get(object)}`;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

function describeOptions(options: GuardrailOptions | undefined): string {
  const text = canonical(options ?? {});
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
