/**
 * Per-cloud entry points: a team installs only the provider it uses. 'cdktf-guardrails/aws' loads no
 * DigitalOcean provider code, '/digitalocean' no AWS provider code, '/tailscale' neither; the root keeps
 * exporting everything. Each runs in a fresh process (require.cache is per process), against the build.
 */
import * as path from 'path';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..');

function load(entry: string): { providers: string[]; exports: string[] } {
  const script = `
    const x = require(${JSON.stringify(path.join(ROOT, 'dist', `${entry}.js`))});
    const providers = [...new Set(Object.keys(require.cache).map((k) => (k.match(/node_modules\\/(@cdktf\\/provider-[a-z]+)\\//) || [])[1]).filter(Boolean))].sort();
    process.stdout.write(JSON.stringify({ providers, exports: Object.keys(x).sort() }));`;
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
