/**
 * Writing a file next to a stack's cdk.tf.json (`<outdir>/stacks/<stack>/<name>`) during synth.
 *
 * Why not TerraformAsset: an asset is copied to `assets/<id>/<hash>/`, a path that changes with the
 * content, while reviewers and CI want the policy at a fixed place. cdktf's custom-synthesis hook runs for
 * every construct of the stack when the stack is synthesized (after aspects, before the stack JSON is
 * written), with the session's output directory, which is exactly the moment and place we need.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ISynthesisSession } from 'cdktf';
import { cdk, cdkModule } from '../../aspects/cdk';
import type { IConstruct } from 'constructs';

// Not re-exported from the package root, but public in cdktf's own sense: TerraformAsset uses this hook.
const { addCustomSynthesis } = cdkModule<typeof import('cdktf/lib/synthesize/synthesizer')>('lib/synthesize/synthesizer');

/** Resolve tokens in `value` as `scope`'s stack would when writing its JSON (references become `${...}`). */
export function resolveInStack(scope: IConstruct, value: unknown): unknown {
  return cdk.Tokenization.resolve(value, {
    scope: cdk.TerraformStack.of(scope),
    resolver: new cdk.DefaultTokenResolver(new cdk.StringConcat()),
    preparing: false,
  });
}

/**
 * Write `render()`'s result (tokens resolved in the construct's stack) as pretty JSON to
 * `<outdir>/stacks/<stack>/<fileName>` each time the stack is synthesized. `render` may throw to refuse.
 */
export function writeJsonBesideStack(construct: IConstruct, fileName: string, render: () => unknown): void {
  addCustomSynthesis(construct, {
    onSynthesize(session: ISynthesisSession) {
      const stack = cdk.TerraformStack.of(construct);
      const resolved = resolveInStack(construct, render());
      const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, fileName), `${JSON.stringify(resolved, null, 2)}\n`);
    },
  });
}

/** A file name without directories, so a prop cannot write outside the stack's directory. */
export function isPlainFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/.test(name);
}
