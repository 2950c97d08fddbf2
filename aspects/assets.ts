/**
 * A TerraformAsset is copied to `<stack dir>/<asset.path>` during synth. cdktf builds that path from the
 * asset's `assetHash`, which an app may set: `assetHash: '../..'` puts a file beside `cdk.tf.json` (where
 * Terraform reads it as configuration) or anywhere else. An asset must stay under its stack's `assets/`.
 */
import * as path from 'path';
import type { IConstruct } from 'constructs';
import type { TerraformStack } from 'cdktf';
import { GuardrailConfigError } from '../engine/config-error';

const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

interface AssetLike {
  readonly path: string;
  readonly assetHash: string;
  readonly node: IConstruct['node'];
}

/** TerraformAsset, recognised by shape (any copy of cdktf or cdktn): custom synthesis, a hash and a path. */
function isAsset(x: IConstruct): x is IConstruct & AssetLike {
  const candidate = x as unknown as Partial<AssetLike> & Record<symbol, unknown>;
  return candidate[CUSTOM_SYNTHESIS] !== undefined && typeof candidate.assetHash === 'string' && 'fileName' in x;
}

/** Refuses, before anything is written, any asset whose target leaves its stack's `assets/` folder. */
export function refuseEscapingAssets(stacks: readonly TerraformStack[]): void {
  for (const stack of stacks) {
    for (const node of stack.node.findAll()) {
      if (!isAsset(node)) continue;
      let target: string;
      try {
        target = node.path;
      } catch {
        continue; // cdktf itself fails on this asset with its own error
      }
      if (!isInsideAssets(target)) {
        throw new GuardrailConfigError(
          `cdktf-guardrails: the TerraformAsset at '${node.node.path}' would be written to ${JSON.stringify(target)} in its stack's directory, outside assets/ (assetHash ${JSON.stringify(node.assetHash)}); Terraform reads configuration files there, so synth is refused. Leave assetHash unset or make it a plain name.`,
        );
      }
    }
  }
}

export function isInsideAssets(target: string): boolean {
  if (path.posix.isAbsolute(target) || target.includes('\\') || target.includes('\0')) return false;
  const normal = path.posix.normalize(target);
  return normal.startsWith('assets/') && normal !== 'assets/' && !normal.split('/').includes('..');
}
