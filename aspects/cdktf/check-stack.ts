/**
 * Check one stack without synthesizing the whole app: for tests and the jest matchers. The stack is
 * synthesized into a temporary directory exactly as `cdktf synth` would write it (aspects, overrides,
 * validations), with the suppressions registered on its app, and the written JSON is checked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing, type TerraformStack } from 'cdktf';
import { evaluate, type EvaluationResult } from '../engine/evaluate';
import { resolveOptions, type GuardrailOptions } from '../engine/options';
import { stackFromTerraformJson } from '../input/terraform-json';
import { builtInRules } from '../rules';
import { existingGuard, recordSuppressions, withTreePaths } from './app-guard';
import { appOf } from './scope';

export function checkStack(stack: TerraformStack, options?: GuardrailOptions, where = 'checkStack'): EvaluationResult {
  const app = appOf(stack);
  const guard = app ? existingGuard(app) : undefined;
  recordSuppressions([stack], guard?.suppressions ?? []);
  const resolved = options !== undefined
    ? resolveOptions(options, builtInRules, `${where} options`)
    : (guard?.stackOptions.get(stack) ?? guard?.appOptions ?? resolveOptions({}, builtInRules, where));
  const outdir = Testing.fullSynth(stack);
  try {
    const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    return evaluate([withTreePaths(stackFromTerraformJson(json, { stack: stack.node.id }), stack)], resolved);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
