/**
 * Synth writes into a staging directory, never straight into the outdir: only a stack directory that was
 * checked and accepted is moved to where Terraform (and `cdktf deploy`) reads it. So a refusal, an
 * exception in a later stack, or `process.exit` in the middle of synth leaves nothing unchecked behind.
 *
 * The staging directory lives under `<outdir>/guardrails/` (same file system, so promotion is a rename,
 * and a place Terraform never reads), and is removed on every way out, including `process.exit`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isIgnoredByTerraform } from '../engine/input/terraform-directory';

export const GUARDRAILS_DIR = 'guardrails';
const STACKS = 'stacks';

export interface Staging {
  /** Absolute path of the staging directory (cdktf's outdir while it synthesizes). */
  readonly dir: string;
  /** Remove the staging directory; safe to call more than once. */
  dispose(): void;
}

const live = new Set<string>();
let exitHookInstalled = false;

/** A fresh staging directory for a synth into `outdir` (an absolute path fixed when synth starts). */
export function createStaging(outdir: string): Staging {
  const parent = path.join(outdir, GUARDRAILS_DIR);
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, '.staging-'));
  fs.mkdirSync(path.join(dir, STACKS));
  live.add(dir);
  if (!exitHookInstalled) {
    // `process.exit` from an aspect or a construct ends synth without unwinding: remove what was staged.
    process.on('exit', () => live.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    exitHookInstalled = true;
  }
  return {
    dir,
    dispose: () => {
      live.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether Terraform reads this directory entry as configuration (`*.tf`, `*.tf.json`, not ignored). */
export function isConfigurationName(name: string): boolean {
  return (name.endsWith('.tf') || name.endsWith('.tf.json')) && !isIgnoredByTerraform(name);
}

/**
 * Entries of a stack directory that synth owns: configuration files, cdktf's `assets/` and HCL metadata.
 * Everything else (`.terraform/`, the lock file, local state, plans) belongs to Terraform and is kept.
 */
function ownedBySynth(name: string): boolean {
  return isConfigurationName(name) || name === 'assets' || name === 'metadata.json';
}

/**
 * Move an accepted stack directory from staging to the outdir. What synth owns in the target is replaced
 * whole, so a configuration file that appeared there another way (written during synth past the staging
 * directory, or left from before) is not applied beside what was checked.
 */
export function promoteStackDir(stagedDir: string, targetDir: string): void {
  fs.mkdirSync(targetDir, { recursive: true });
  clearSynthOutput(targetDir);
  for (const name of fs.readdirSync(stagedDir)) {
    const from = path.join(stagedDir, name);
    const to = path.join(targetDir, name);
    fs.rmSync(to, { recursive: true, force: true });
    moveEntry(from, to);
  }
}

/** Remove the configuration (and assets) of a stack directory, keeping Terraform's own files. */
export function clearSynthOutput(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (ownedBySynth(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

/**
 * Keep a refused stack's output where Terraform never reads it, `<outdir>/guardrails/refused/stacks/<id>`,
 * so it can be inspected and checked with the CLI. Returns that directory.
 */
export function keepRefused(stagedDir: string, outdir: string, stackDirName: string): string {
  const target = path.join(outdir, GUARDRAILS_DIR, 'refused', STACKS, stackDirName);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  moveEntry(stagedDir, target);
  return target;
}

/** Rename, or copy and remove when the two paths are on different file systems. */
function moveEntry(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
