/**
 * Check one stack without synthesizing the whole app: for tests and the jest matchers. The stack is
 * synthesized into a temporary directory exactly as `cdktf synth` would write it (aspects, overrides,
 * validations), with the suppressions registered on its app, and its whole working directory is checked
 * as Terraform would read it. Findings are returned, never thrown.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import { cdk } from './cdk';
import { evaluate, type EvaluationResult } from '../engine/evaluate';
import { resolveOptions, type GuardrailOptions } from '../engine/options';
import { builtInRules } from '../rules';
import { existingGuard, recordSuppressions } from './app-guard';
import { appOf } from './scope';
import { readStagedStack } from './staged-stack';
import { withJsonencodeEvaluated } from '../engine/input/jsonencode-literals';

export function checkStack(stack: TerraformStack, options?: GuardrailOptions, where = 'checkStack'): EvaluationResult {
  const app = appOf(stack);
  const guard = app ? existingGuard(app) : undefined;
  const registered = guard?.suppressions ?? [];
  recordSuppressions([stack], registered);
  const resolved =
    options !== undefined
      ? resolveOptions(options, builtInRules, `${where} options`)
      : (guard?.stackOptions.get(stack) ?? guard?.appOptions ?? resolveOptions({}, builtInRules, where));
  const wasInspecting = guard?.inspecting;
  if (guard) guard.inspecting = true;
  let outdir: string;
  try {
    outdir = cdk.Testing.fullSynth(stack);
  } finally {
    if (guard) guard.inspecting = wasInspecting;
  }
  try {
    const workingDirectory = path.join('stacks', stack.node.id);
    const read = readStagedStack({ stack, stagedDir: path.join(outdir, workingDirectory), workingDirectory }, registered, false, () => undefined);
    return evaluate(withJsonencodeEvaluated([read.document]), resolved);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
