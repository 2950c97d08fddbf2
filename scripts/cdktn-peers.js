/**
 * The peers a CDK Terrain app installs (test/package/cdktn-peers: cdktn 0.24, @cdktn/provider-aws 25.x = AWS
 * provider 6, constructs, ~480 MB), installed once into node_modules/.cache and shared by the tests that need
 * them and by `npm run test:cdktn`. Installed beside and renamed into place, so two test workers never see a
 * half-installed copy. `cdktnPeers()` returns its node_modules directory.
 */
'use strict';
const { spawnSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SPEC = path.join(ROOT, 'test', 'package', 'cdktn-peers');

function cdktnPeers() {
  const lock = fs.readFileSync(path.join(SPEC, 'package-lock.json'));
  const dir = path.join(ROOT, 'node_modules', '.cache', `cdktn-peers-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (fs.existsSync(dir)) return path.join(dir, 'node_modules');
  const staging = `${dir}.${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(SPEC, file), path.join(staging, file));
  const install = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--engine-strict=false'], { cwd: staging, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing cdktn's peers failed:\n${install.stdout}${install.stderr}`);
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another worker got there first: use its copy.
    if (!fs.existsSync(dir)) throw error;
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return path.join(dir, 'node_modules');
}

module.exports = { cdktnPeers };

if (require.main === module) console.log(cdktnPeers());
