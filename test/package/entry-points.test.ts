/**
 * Per-cloud entry points: a team installs only the provider it uses. 'cdktf-guardrails/aws' loads no
 * DigitalOcean provider code, '/digitalocean' no AWS provider code, '/tailscale' neither; the root keeps
 * exporting everything. Each runs in a fresh process (require.cache is per process), against the build.
 * Constructs load when first read (scripts/lazy-exports.js): what an entry point can load is found by
 * reading every export it has.
 */
import * as path from 'path';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..');

function load(entry: string): { providers: string[]; exports: string[]; lib: number } {
  const script = `
    const x = require(${JSON.stringify(path.join(ROOT, 'dist', `${entry}.js`))});
    const lib = Object.keys(require.cache).filter((k) => k.includes('/dist/lib/')).length;
    for (const name of Object.keys(x)) void x[name];
    const providers = [...new Set(Object.keys(require.cache).map((k) => (k.match(/node_modules\\/(@cdktf\\/provider-[a-z]+)\\//) || [])[1]).filter(Boolean))].sort();
    process.stdout.write(JSON.stringify({ providers, exports: Object.keys(x).sort(), lib }));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

test.each([
  ['aws', ['@cdktf/provider-aws'], ['AwsDerpRelay', 'SecretStore', 'AwsMonitoring', 'Ec2StatusCheckAlarm', 'AlertTopic', 'NodeJoinKey']],
  // DigitalOcean's bindings load when the first construct is made (they need cdktf; see aspects/cdk.ts).
  ['digitalocean', [], ['DigitalOceanDerpRelay', 'DigitalOceanMonitoring', 'DropletHealthAlerts']],
  ['tailscale', [], ['TailnetPolicy', 'DerpFleet', 'TailscaleProvider', 'TailscaleTailnetKey']],
])('cdktf-guardrails/%s loads only %j', (entry, providers, constructs) => {
  const loaded = load(entry);
  expect(loaded.providers).toEqual(providers);
  for (const name of ['Guardrails', 'GuardrailsAspect', 'defineRule', 'builtInRules', 'evaluate', ...constructs]) expect(loaded.exports).toContain(name);
});

test('the root exports what every entry point exports', () => {
  const root = load('index').exports;
  for (const entry of ['aws', 'digitalocean', 'tailscale']) expect(load(entry).exports.filter((name) => !root.includes(name))).toEqual([]);
});

test.each(['index', 'core', 'aws', 'digitalocean', 'tailscale'])('importing %s loads no construct until one is read (the guardrails need none)', (entry) => {
  expect(load(entry).lib).toBe(0);
});

test('an ES module imports the constructs by name (the form Node reads from CommonJS exports)', () => {
  const dist = (entry: string) => JSON.stringify(path.join(ROOT, 'dist', `${entry}.js`));
  const source = `
    import { Guardrails, DerpFleet, boot, AwsDerpRelay, SecretStore } from ${dist('index')};
    import { DigitalOceanDerpRelay } from ${dist('digitalocean')};
    import { TailnetPolicy } from ${dist('tailscale')};
    import * as aws from ${dist('aws')};
    import { createRequire } from 'module';
    const root = createRequire(import.meta.url)(${JSON.stringify(path.join(ROOT, 'dist', 'lib', 'fleet', 'index.js'))});
    const types = [Guardrails, DerpFleet, boot, AwsDerpRelay, SecretStore, DigitalOceanDerpRelay, TailnetPolicy, aws.AwsMonitoring].map((x) => typeof x);
    process.stdout.write(JSON.stringify({ types, same: DerpFleet === root.DerpFleet, bootTwice: boot === (await import(${dist('index')})).boot }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  expect(JSON.parse(run.stdout)).toEqual({
    types: ['function', 'function', 'object', 'function', 'function', 'function', 'function', 'function'],
    same: true,
    bootTwice: true,
  });
});
