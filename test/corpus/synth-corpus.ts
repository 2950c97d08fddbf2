/**
 * Synthesizes a corpus app with no guardrails enforced (an ordinary cdktf App in a temporary outdir) and
 * checks what was written the way the CLI does: `loadInputs` on the outdir (each stack's working directory
 * as Terraform reads it), then the engine with the whole strict catalog.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { evaluate } from '../../engine/evaluate';
import { resolveOptions } from '../../engine/options';
import type { Violation } from '../../engine/types';
import { loadInputs } from '../../engine/input/load-inputs';
import { builtInRules } from '../../rules';
import type { CorpusApp } from './apps';

/** One finding, as the reviewed-findings file keys it. */
export interface CorpusFinding {
  readonly stack: string;
  readonly rule: string;
  readonly address: string;
  readonly kind: Violation['kind'];
  readonly attribute?: string;
  readonly message: string;
}

export async function findingsOf(corpusApp: CorpusApp): Promise<CorpusFinding[]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-${corpusApp.name}-`));
  try {
    const app = new App({ outdir });
    corpusApp.build(app);
    app.synth();
    const inputs = await loadInputs([outdir], { cwd: outdir });
    const result = evaluate(inputs.stacks, resolveOptions({ profile: 'strict', today: '2026-01-01' }, builtInRules, 'corpus'));
    return result.violations.map((v) => ({
      stack: v.stack,
      rule: v.ruleId,
      address: v.address,
      kind: v.kind,
      ...(v.attribute !== undefined ? { attribute: v.attribute } : {}),
      message: v.message,
    }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
