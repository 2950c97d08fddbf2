/**
 * One synthesized stack as Terraform will read it: its whole staged working directory (every
 * configuration file, override files merged last; HCL only as the `cdk.tf` that `hclOutput` writes),
 * with its local modules read (cdktf copies a TerraformHclModule's local directory into the stack's
 * `assets/`, so they are staged with it), construct paths from the construct tree and exactly the
 * suppressions Guardrails.suppress made.
 */
import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import type { StackDocument, SuppressionRecord } from '../engine/types';
import { scopeCovers } from '../engine/suppressions';
import { hclToJson } from '../engine/input/hcl';
import { GuardrailInputError } from '../engine/input/input-error';
import { expandLocalModules } from '../engine/input/local-modules';
import { readModule } from '../engine/input/read-module';
import type { ConstructPaths } from '../engine/input/terraform-json';
import { constructPathsByAddress } from './scope';
import { GUARDRAILS_DIR } from './staging';
import * as fs from 'fs';

export interface StagedStack {
  readonly stack: TerraformStack;
  /** The stack's working directory under the staging directory. */
  readonly stagedDir: string;
  /** The same directory relative to the outdir, `stacks/<id>`, as reports show it. */
  readonly workingDirectory: string;
}

export interface ReadStagedStack {
  readonly document: StackDocument;
  /** Resource address → file, for a stack of several files. */
  readonly files: ReadonlyMap<string, string>;
}

/** Thrown for a stack that cannot be checked as written: synth is refused, naming the stack. */
export class UncheckableStackError extends Error {
  constructor(
    readonly stackPath: string,
    reason: string,
  ) {
    super(`cdktf-guardrails: stack '${stackPath}' ${reason}; refusing to synthesize it.`);
    this.name = 'UncheckableStackError';
  }
}

export function readStagedStack(
  staged: StagedStack,
  registered: readonly SuppressionRecord[],
  hclOutput: boolean,
  remember: (file: string, text: string) => void,
): ReadStagedStack {
  const { stack } = staged;
  if (!fs.existsSync(staged.stagedDir)) {
    throw new UncheckableStackError(
      stack.node.path,
      `wrote nothing into its working directory ${staged.workingDirectory} during synth (a custom synthesizer that writes elsewhere?), so what Terraform would apply cannot be checked`,
    );
  }
  const label = staged.workingDirectory.split(path.sep).join('/');
  let read;
  try {
    read = readModule(staged.stagedDir, {
      label,
      stackName: () => stack.node.id,
      // Construct paths from the construct tree, not from the JSON's `//` metadata (see treePaths).
      constructPaths: treePaths(stack),
      symlinks: 'refuse',
      remember,
      ...(hclOutput ? { readHcl: (file, text, label) => (file.name === 'cdk.tf' ? hclToJson(text, file.name, label) : refuseHcl(label)) } : {}),
      whenEmpty: 'holds no Terraform configuration after synth (a custom synthesizer?)',
    });
  } catch (error) {
    if (error instanceof GuardrailInputError)
      throw new UncheckableStackError(stack.node.path, `cannot be checked as Terraform would read it: ${error.message}`);
    throw error;
  }
  // Module resources belong to the call's construct: construct paths first, then the modules.
  let expanded;
  try {
    expanded = expandLocalModules(read.stack, {
      dir: terraformDirOf(staged),
      readDir: staged.stagedDir,
      label,
      symlinks: 'refuse',
    });
  } catch (error) {
    if (error instanceof GuardrailInputError) throw new UncheckableStackError(stack.node.path, `cannot be checked: ${error.message}`);
    throw error;
  }
  const document = expanded.stack;
  const mine = registered.filter((s) => coversStack(s, stack));
  const forged = forgedSuppressions(document.suppressions, mine);
  if (forged.length > 0) {
    throw new UncheckableStackError(
      stack.node.path,
      `carries ${forged.length} suppression record(s) in its synthesized configuration that Guardrails.suppress did not make (written by an override?): ${JSON.stringify(forged[0]).slice(0, 200)}. Suppress with Guardrails.suppress, which validates and records them`,
    );
  }
  // The registry, not the file, says which suppressions hold: HCL output drops `//` metadata altogether.
  const files = expanded.files.size > 0 ? new Map([...read.files, ...expanded.files]) : read.files;
  return { document: { ...document, suppressions: mine }, files };
}

/**
 * Where Terraform will run the stack: a guarded synth stages it in `<outdir>/guardrails/.staging-…/<working
 * directory>` and moves it to `<outdir>/<working directory>` once accepted, so a local module source that
 * leaves the stack directory (`../../modules/x`) is resolved from there; elsewhere (checkStack) the stack
 * is read where it was written.
 */
function terraformDirOf(staged: StagedStack): string {
  const depth = staged.workingDirectory.split(/[\\/]+/).filter((p) => p !== '').length;
  const staging = path.resolve(staged.stagedDir, ...Array<string>(depth).fill('..'));
  const guardrails = path.dirname(staging);
  if (path.basename(staging).startsWith('.staging-') && path.basename(guardrails) === GUARDRAILS_DIR) {
    return path.join(path.dirname(guardrails), staged.workingDirectory);
  }
  return staged.stagedDir;
}

function refuseHcl(label: string): never {
  throw new GuardrailInputError(label, 'is HCL beside the cdk.tf that synth wrote; Terraform would apply it unchecked');
}

/** Whether a suppression made with Guardrails.suppress applies to (something in) this stack. */
export function coversStack(s: SuppressionRecord, stack: TerraformStack): boolean {
  return scopeCovers(s.scope, stack.node.path) || s.scope.startsWith(`${stack.node.path}/`);
}

const recordKey = (s: Partial<SuppressionRecord>) => JSON.stringify([s.ruleId, s.scope, s.reason, s.expires ?? null, s.address ?? null]);

/** Records in the written configuration that no Guardrails.suppress call made. */
function forgedSuppressions(written: readonly unknown[], registered: readonly SuppressionRecord[]): unknown[] {
  const known = new Set(registered.map(recordKey));
  return written.filter((r) => typeof r !== 'object' || r === null || !known.has(recordKey(r as Partial<SuppressionRecord>)));
}

/**
 * Construct paths from the construct tree, not from the JSON's `//` metadata: a resource no construct
 * owns (added by an override) belongs to its stack, whatever metadata it carries.
 */
export function treePaths(stack: TerraformStack): ConstructPaths {
  return { byAddress: constructPathsByAddress(stack), stackPath: stack.node.path };
}
