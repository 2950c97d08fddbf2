/**
 * HCL → Terraform JSON with HashiCorp's own converter (`@cdktf/hcl2json`, Terraform's HCL parser compiled to
 * WebAssembly), for the one place HCL is read: synth with `hclOutput`, which writes `cdk.tf`. The converter
 * is asynchronous and synth is not, so it runs in a child Node process; that costs a fraction of a second,
 * only for apps that ask for HCL output.
 */
import { spawnSync } from 'child_process';
import type { JsonObject } from '../types';
import { isObject } from '../values';
import { GuardrailInputError } from './input-error';

const CHILD = `
const { parse } = require(process.argv[1]);
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (text += c)).on('end', () =>
  parse(process.argv[2], text).then(
    (json) => process.stdout.write(JSON.stringify(json)),
    (e) => { process.stderr.write(String((e && e.message) || e)); process.exitCode = 3; },
  ),
);`;

/** Convert HCL text; a syntax error, or a converter that cannot run, is a GuardrailInputError naming `label`. */
export function hclToJson(text: string, fileName: string, label: string): JsonObject {
  let converter: string;
  try {
    converter = require.resolve('@cdktf/hcl2json');
  } catch {
    throw new GuardrailInputError(label, 'is HCL, and the HCL converter (@cdktf/hcl2json) is not installed');
  }
  const run = spawnSync(process.execPath, ['-e', CHILD, converter, fileName], { input: text, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    if (looksLikeJson(text)) {
      throw new GuardrailInputError(
        label,
        'holds JSON although it is named .tf, so Terraform cannot parse it (cdktf 0.21 writes JSON into cdk.tf when App({ hclOutput: true }) is used without SYNTH_HCL_OUTPUT=true): set SYNTH_HCL_OUTPUT=true, or drop hclOutput',
      );
    }
    const why = run.error ? run.error.message : (run.stderr || `the converter exited with ${run.status}`).trim();
    throw new GuardrailInputError(label, `cannot be read as HCL: ${why}`);
  }
  const json: unknown = JSON.parse(run.stdout);
  if (!isObject(json)) throw new GuardrailInputError(label, 'did not convert to a JSON object');
  return json;
}

function looksLikeJson(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}
