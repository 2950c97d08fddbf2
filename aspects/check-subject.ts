/**
 * What the jest (and vitest) matchers accept, as cdktf's own testing idiom produces it: a TerraformStack,
 * the JSON string `Testing.synth(stack)` / `Testing.synthScope(...)` return, the output directory
 * `Testing.fullSynth(stack)` returns, or already-parsed Terraform JSON. Each is checked with the same engine;
 * a stack through a real synth (see check-stack), the others as the configuration they are.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluate, type EvaluationResult } from '../engine/evaluate';
import { resolveOptions, type GuardrailOptions } from '../engine/options';
import type { StackDocument } from '../engine/types';
import { isObject } from '../engine/values';
import { GuardrailInputError } from '../engine/input/input-error';
import { readModule } from '../engine/input/read-module';
import { parseJsonText } from '../engine/input/read-json';
import { looksLikeTerraformJson, stackFromTerraformJson } from '../engine/input/terraform-json';
import { withJsonencodeEvaluated } from '../engine/input/jsonencode-literals';
import { builtInRules } from '../rules';
import { checkStack } from './check-stack';
import { isStack, kindOf } from './scope';

const EXPECTED =
  'a cdktf TerraformStack, the JSON string Testing.synth or Testing.synthScope returns, the directory Testing.fullSynth returns, or parsed Terraform JSON';

/** Check what a matcher was given; a clear error naming what it got when it is none of the accepted things. */
export function checkSubject(received: unknown, options: GuardrailOptions | undefined, where: string): { result: EvaluationResult; name: string } {
  if (isStack(received)) return { result: checkStack(received, options, where), name: received.node.id };
  const resolved = resolveOptions(options ?? {}, builtInRules, `${where} options`);
  const documents = withJsonencodeEvaluated(documentsOf(received, where));
  return { result: evaluate(documents, resolved), name: documents.map((d) => d.name).join(', ') };
}

function documentsOf(received: unknown, where: string): StackDocument[] {
  if (typeof received === 'string') {
    if (!received.trimStart().startsWith('{') && fs.existsSync(received) && fs.statSync(received).isDirectory()) return fromDirectory(received, where);
    let doc: unknown;
    try {
      doc = parseJsonText(received, `${where}: the string it was given`);
    } catch (error) {
      if (error instanceof GuardrailInputError)
        throw new Error(`${where}: expected ${EXPECTED}; got a string that is neither a directory nor Terraform JSON (${error.problem})`, { cause: error });
      throw error;
    }
    return [fromJson(doc, where, 'a JSON string')];
  }
  if (isObject(received)) return [fromJson(received, where, 'an object')];
  throw new Error(`${where}: expected ${EXPECTED}; got ${kindOf(received)}`);
}

function fromJson(doc: unknown, where: string, what: string): StackDocument {
  if (!looksLikeTerraformJson(doc))
    throw new Error(`${where}: expected ${EXPECTED}; got ${what} that is not Terraform JSON (no resource, provider, terraform, … block)`);
  return stackFromTerraformJson(doc, { stack: 'stack' });
}

/** A cdktf output directory (each stack its working directory) or one directory of *.tf.json. */
function fromDirectory(dir: string, where: string): StackDocument[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const read = (moduleDir: string, fallback: string) =>
    readModule(moduleDir, { label: moduleDir, symlinks: 'refuse', stackName: (first) => stackNameOf(first) ?? fallback }).stack;
  if (!fs.existsSync(manifestFile)) return [read(dir, path.basename(dir))];
  const manifest: unknown = parseJsonText(fs.readFileSync(manifestFile, 'utf8'), manifestFile);
  const stacks = isObject(manifest) && isObject(manifest.stacks) ? Object.entries(manifest.stacks) : [];
  if (stacks.length === 0) throw new Error(`${where}: ${manifestFile} lists no stacks`);
  return stacks.map(([id, entry]) => {
    const workingDirectory = isObject(entry) && typeof entry.workingDirectory === 'string' ? entry.workingDirectory : path.join('stacks', id);
    const target = path.resolve(dir, workingDirectory);
    if (path.relative(dir, target).startsWith('..')) throw new Error(`${where}: ${manifestFile}: stack '${id}' leaves the output directory`);
    return read(target, id);
  });
}

function stackNameOf(doc: Record<string, unknown> | undefined): string | undefined {
  const meta = doc?.['//'];
  return isObject(meta) && isObject(meta.metadata) && typeof meta.metadata.stackName === 'string' ? meta.metadata.stackName : undefined;
}
