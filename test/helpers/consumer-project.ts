/**
 * Fresh consumer projects for the package tests: the tarball `npm pack` makes, installed as a user would,
 * with the (large) peers linked in from an existing install rather than copied again.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/**
 * A temporary project with cdktf-guardrails installed from its packed tarball and `peers` linked from
 * `peersModules` (a node_modules directory). The install prefers the npm cache that `npm ci` filled; package
 * metadata may come from the registry. Returns the project directory and npm's output.
 */
export function consumerProject(prefix: string, peersModules: string, peers: readonly string[]): { dir: string; installOutput: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const pack = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }));
  const tarball = path.join(dir, pack[0].filename);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-save', tarball], dir);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.out}`);
  // After the install: npm prunes packages it did not install itself.
  for (const peer of peers) {
    const link = path.join(dir, 'node_modules', peer);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(peersModules, peer), link, 'dir');
  }
  return { dir, installOutput: install.out };
}

/** Compile a project's tsconfig.json with the TypeScript it has installed; returns tsc's status and output. */
export function compile(project: string) {
  return run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
}

/** cdktn's peers (cdktn, @cdktn/provider-aws, constructs), installed once: see scripts/cdktn-peers.js. */
export const cdktnPeers = (require('../../scripts/cdktn-peers.js') as { cdktnPeers(): string }).cdktnPeers;
