/**
 * A real plan: a small AWS stack synthesized by cdktf, planned by terraform offline (local provider
 * mirror, fake credentials, nothing that calls AWS), `terraform show -json`, then checked by the CLI.
 * Values that were tokens at synth are checked for real in the plan.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Guardrails } from '../../index';
import { describeWithTerraform, initValidatePlan } from '../helpers/terraform';
import { testApp } from '../helpers/app';
import { ENCRYPTION, PUBLIC_IP, cli, only } from './harness';

const RULES = only(ENCRYPTION, PUBLIC_IP);
const reason = 'restored from the 2019 snapshots, re-encryption in OPS-77';

describeWithTerraform('check on a real terraform plan', (setup) => {
  let outdir: string;
  let stackDir: string;
  let atSynth: any;
  let atPlan: any;
  let planRun: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    new AwsProvider(stack, 'aws', {
      region: 'eu-west-1',
      accessKey: 'AKIAFAKEFAKEFAKEFAKE',
      secretKey: 'fake-secret-for-offline-plan',
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: 'true',
      defaultTags: [{ tags: { owner: 'platform', environment: 'test' } }],
    });
    const off = new TerraformVariable(stack, 'encrypt_scratch', { type: 'bool', default: false });
    const on = new TerraformVariable(stack, 'encrypt_data', { type: 'bool', default: true });
    // A token at synth, false in the plan.
    new EbsVolume(stack, 'scratch', { availabilityZone: 'eu-west-1a', size: 10, encrypted: off.booleanValue });
    // A token at synth, true in the plan.
    const data = new EbsVolume(stack, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: on.booleanValue });
    // A reference to another resource's configured attribute: known at plan.
    new EbsVolume(stack, 'replica', { availabilityZone: 'eu-west-1a', size: 10, encrypted: data.encrypted });
    // Tags that depend on an id: unknown until apply, even in the plan.
    new Eip(stack, 'ip', { domain: 'vpc', tags: { exposure: Fn.lower(data.id) } });
    // Suppressed at synth, two instances in the plan.
    const legacy = new Construct(stack, 'legacy');
    new EbsVolume(legacy, 'disk', { availabilityZone: 'eu-west-1a', size: 10, count: 2 });
    Guardrails.suppress(legacy, ENCRYPTION, { reason, expires: '2099-12-31' });
    app.synth();
    outdir = app.outdir;
    stackDir = path.join(outdir, 'stacks', 'main');

    atSynth = JSON.parse((await cli(['check', outdir, '--format', 'json', ...RULES])).stdout);
    const plan = initValidatePlan(setup(), stackDir);
    fs.writeFileSync(path.join(stackDir, 'plan.json'), JSON.stringify(plan));
    planRun = await cli(['check', path.join(stackDir, 'plan.json'), '--format', 'json', ...RULES]);
    atPlan = JSON.parse(planRun.stdout);
  }, 180000);

  const findings = (report: any) => report.violations.map((v: any) => `${v.address} ${v.kind}`);

  test('at synth the variables are tokens: unknown', () => {
    expect(findings(atSynth)).toEqual(
      expect.arrayContaining(['aws_ebs_volume.scratch unknown', 'aws_ebs_volume.data unknown', 'aws_ebs_volume.replica unknown']),
    );
  });

  test('in the plan they are checked for real: false is a violation, true and a resolved reference pass', () => {
    expect(planRun.stderr).toBe('');
    expect(planRun.code).toBe(1);
    expect(atPlan.stacks).toEqual([expect.objectContaining({ name: 'main', source: 'plan' })]);
    const scratch = atPlan.violations.find((v: any) => v.address === 'aws_ebs_volume.scratch');
    expect(scratch).toMatchObject({ kind: 'violation', message: 'the volume is not encrypted (encrypted is false)', constructPath: 'main/scratch' });
    expect(findings(atPlan).filter((f: string) => /aws_ebs_volume\.(data|replica) /.test(f))).toEqual([]);
  });

  test('what is unknown even at plan stays unknown (fail closed), and follows --unknown-values', async () => {
    const ip = atPlan.violations.filter((v: any) => v.address === 'aws_eip.ip');
    expect(ip).toEqual([expect.objectContaining({ ruleId: PUBLIC_IP, kind: 'unknown', severity: 'error', attribute: 'tags' })]);
    expect(ip[0].message).toMatch(/^cannot be verified before apply: .*known after apply/);
    // Only the unknown left: warning → exit 0; failing on warnings → exit 1.
    const args = ['check', path.join(stackDir, 'plan.json'), ...only(PUBLIC_IP), '--unknown-values', 'warning'];
    expect((await cli(args)).code).toBe(0);
    expect((await cli([...args, '--fail-on', 'warning'])).code).toBe(1);
  });

  test('the suppression recorded at synth covers every planned instance, found through the cdk.tf.json beside the plan', () => {
    expect(atPlan.suppressed.map((s: any) => [s.address, s.constructPath, s.suppression.reason])).toEqual([
      [expect.stringMatching(/^aws_ebs_volume\.legacy_disk_[A-F0-9]{8}\[0\]$/), 'main/legacy/disk', reason],
      [expect.stringMatching(/^aws_ebs_volume\.legacy_disk_[A-F0-9]{8}\[1\]$/), 'main/legacy/disk', reason],
    ]);
  });

  test('every format renders the plan', async () => {
    for (const format of ['text', 'sarif', 'junit', 'github']) {
      const run = await cli(['check', path.join(stackDir, 'plan.json'), '--format', format, ...RULES]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('aws_ebs_volume.scratch');
    }
  });
});
