/** An uncaught refusal prints the readable report once: not again as an object dump of every violation. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

// Runs the built package (npm test builds first) in a process of its own, as an app's `cdktf synth` would.
test('Node prints an uncaught GuardrailViolationError as its message, once', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'uncaught-'));
  const script = `
    const { App, TerraformStack } = require('cdktf');
    const { EbsVolume } = require('@cdktf/provider-aws/lib/ebs-volume');
    const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
    const { Guardrails } = require(${JSON.stringify(path.resolve(__dirname, '../../dist/index.js'))});
    const app = new App({ outdir: ${JSON.stringify(outdir)} });
    Guardrails.enforce(app);
    const stack = new TerraformStack(app, 'main');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    for (let i = 0; i < 12; i++) new EbsVolume(stack, 'v' + i, { availabilityZone: 'a', encrypted: false });
    app.synth();`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, CDKTF_GUARDRAILS_QUIET: '1' },
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('cdktf-guardrails refused to synthesize: 12 guardrail violations in 1 stack.');
  // Each finding appears once (its heading line), not a second time in an inspected `violations` array.
  expect(run.stderr.split('aws_ebs_volume.v11').length - 1).toBe(1);
  expect(run.stderr).not.toMatch(/violations: \[/);
  expect(run.stderr.split('\n').length).toBeLessThan(12 * 5 + 30);
});
