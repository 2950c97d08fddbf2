/**
 * HCL → Terraform JSON with HashiCorp's own converter (`@cdktf/hcl2json`, Terraform's HCL parser compiled to
 * WebAssembly), where HCL is read: synth with `hclOutput`, which writes `cdk.tf`, and the `*.tf` files of
 * local modules. The converter is asynchronous and synth is not, so it runs in a child Node process; that
 * costs a fraction of a second per batch of files, only for apps that write or call HCL.
 */
import { spawnSync } from 'child_process';
import type { JsonObject } from '../types';
import { isObject } from '../values';
import { GuardrailInputError } from './input-error';

const CHILD = `
const { parse } = require(process.argv[1]);
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (text += c)).on('end', async () => {
  const out = [];
  for (const file of JSON.parse(text)) {
    try {
      out.push({ json: await parse(file.name, file.text) });
    } catch (e) {
      out.push({ error: String((e && e.message) || e) });
    }
  }
  process.stdout.write(JSON.stringify(out));
});`;

export interface HclFile {
  readonly text: string;
  /** The file's name, for the converter's own messages. */
  readonly fileName: string;
  /** The file as shown to the user, for errors. */
  readonly label: string;
}

/** Convert HCL text; a syntax error, or a converter that cannot run, is a GuardrailInputError naming `label`. */
export function hclToJson(text: string, fileName: string, label: string): JsonObject {
  return hclFilesToJson([{ text, fileName, label }])[0];
}

/**
 * Convert several HCL files in one child process (a module's directory, or every module directory at one
 * depth), in order. The first file that cannot be converted is a GuardrailInputError naming it.
 */
export function hclFilesToJson(files: readonly HclFile[]): JsonObject[] {
  return convertEach(files).map((result, i) => {
    const file = files[i];
    const { json, error } = result;
    if (error !== undefined) {
      if (looksLikeJson(file.text)) {
        throw new GuardrailInputError(
          file.label,
          'holds JSON although it is named .tf, so Terraform cannot parse it (cdktf 0.21 writes JSON into cdk.tf when App({ hclOutput: true }) is used without SYNTH_HCL_OUTPUT=true): set SYNTH_HCL_OUTPUT=true, or drop hclOutput',
        );
      }
      throw new GuardrailInputError(file.label, `cannot be read as HCL: ${error.trim()}`);
    }
    if (!isObject(json)) throw new GuardrailInputError(file.label, 'did not convert to a JSON object');
    return withSingleContent(json);
  });
}

/**
 * Convert each text on its own, in one child process: the JSON, or the converter's message for a text it
 * cannot read (the caller decides what that means). That the converter cannot run at all is an error.
 */
export function convertEach(files: readonly HclFile[]): { readonly json?: unknown; readonly error?: string }[] {
  if (files.length === 0) return [];
  let converter: string;
  try {
    converter = require.resolve('@cdktf/hcl2json');
  } catch {
    throw new GuardrailInputError(files[0].label, 'is HCL, and the HCL converter (@cdktf/hcl2json) is not installed');
  }
  const input = JSON.stringify(files.map((f) => ({ name: f.fileName, text: f.text })));
  const run = spawnSync(process.execPath, ['-e', CHILD, converter], { input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : (run.stderr || `the converter exited with ${run.status}`).trim();
    throw new GuardrailInputError(files[0].label, `cannot be read as HCL: ${why}`);
  }
  const results = JSON.parse(run.stdout) as { json?: unknown; error?: string }[];
  return files.map((_, i) => results[i] ?? { error: 'the converter gave no result' });
}

/**
 * The converter writes every block as a list of bodies, `content` of a `dynamic` block too
 * (`"content": [{ … }]`); a `dynamic` block has exactly one `content`, so it is given as the object the
 * readers expect (Terraform JSON's own way to write one block). Nothing else is changed.
 */
function withSingleContent(doc: JsonObject): JsonObject {
  const pending: unknown[] = [doc];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
      continue;
    }
    if (!isObject(value)) continue;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'dynamic') {
        for (const spec of dynamicSpecs(inner)) {
          if (Array.isArray(spec.content) && spec.content.length === 1 && isObject(spec.content[0])) spec.content = spec.content[0];
        }
      }
      if (typeof inner === 'object' && inner !== null) pending.push(inner);
    }
  }
  return doc;
}

/** `dynamic = { name: [spec, …] }` (or lists of such objects) → every spec. */
function dynamicSpecs(dynamic: unknown): JsonObject[] {
  const specs: JsonObject[] = [];
  for (const byName of Array.isArray(dynamic) ? dynamic : [dynamic]) {
    if (!isObject(byName)) continue;
    for (const spec of Object.values(byName)) for (const s of Array.isArray(spec) ? spec : [spec]) if (isObject(s)) specs.push(s);
  }
  return specs;
}

function looksLikeJson(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}
