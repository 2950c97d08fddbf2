/**
 * cdktf's `Testing.synth` (and `synthScope`, which calls it) renders a stack without the synthesizer, and
 * returns the JSON as a string. Users' own unit tests must not be a way around the guardrails: for a
 * guarded stack, the returned configuration is checked and a violating stack refused, exactly as
 * `app.synth()` would (`Testing.fullSynth` goes through the stack's guarded synthesizer).
 */
import type * as Cdktf from 'cdktf';
import type { TerraformStack } from 'cdktf';
import { cdk } from './cdk';
import { evaluate } from '../engine/evaluate';
import { GuardrailViolationError } from '../engine/violation-error';
import { hclToJson } from '../engine/input/hcl';
import { withJsonencodeEvaluated } from '../engine/input/jsonencode-literals';
import { stackFromTerraformJson } from '../engine/input/terraform-json';
import { adoptAspects } from './guardrails-aspect';
import { appOf } from './scope';
import { coversStack, treePaths } from './staged-stack';

const PATCHED = Symbol.for('cdktf-guardrails/testing-patched');

type TestingStatics = {
  synth(stack: TerraformStack, runValidations?: boolean): string;
  synthHcl(stack: TerraformStack, runValidations?: boolean, returnMetadata?: boolean): string;
};

export function installTestingGuard(copy: typeof Cdktf = cdk): void {
  const target = copy.Testing as unknown as TestingStatics & Record<symbol, unknown>;
  if (target[PATCHED]) return;
  const synth = target.synth;
  const synthHcl = target.synthHcl;
  Object.defineProperty(target, 'synth', {
    configurable: true,
    writable: true,
    value: function guardedTestingSynth(this: unknown, stack: TerraformStack, runValidations?: boolean): string {
      const text = synth.call(this, stack, runValidations);
      checkRendered(stack, () => JSON.parse(text) as Record<string, unknown>, 'Testing.synth');
      return text;
    },
  });
  Object.defineProperty(target, 'synthHcl', {
    configurable: true,
    writable: true,
    value: function guardedTestingSynthHcl(this: unknown, stack: TerraformStack, runValidations?: boolean, returnMetadata?: boolean): string {
      const out = synthHcl.call(this, stack, runValidations, returnMetadata);
      // With returnMetadata only the metadata comes back, which Terraform does not apply.
      if (!returnMetadata) checkRendered(stack, () => hclToJson(out, 'cdk.tf', 'Testing.synthHcl output'), 'Testing.synthHcl');
      return out;
    },
  });
  Object.defineProperty(target, PATCHED, { value: true });
}

/** Check what a Testing helper returned, for a guarded stack; throws GuardrailViolationError on errors. */
function checkRendered(stack: TerraformStack, parse: () => Record<string, unknown>, where: string): void {
  const app = appOf(stack);
  const guard = app ? adoptAspects(app) : undefined;
  const options = guard && (guard.stackOptions.get(stack) ?? guard.appOptions);
  if (!guard || !options || guard.inspecting) return;
  const [document] = withJsonencodeEvaluated([
    stackFromTerraformJson(parse(), { stack: stack.node.id, file: `${where}(${stack.node.path})`, constructPaths: treePaths(stack) }),
  ]);
  // Testing output has no `//` metadata: the suppressions are the ones Guardrails.suppress registered.
  const result = evaluate([{ ...document, suppressions: guard.suppressions.filter((s) => coversStack(s, stack)) }], options);
  const errors = result.violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) throw new GuardrailViolationError(errors);
}
