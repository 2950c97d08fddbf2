#!/usr/bin/env node
/**
 * Synth cost of the guardrails: an app with N resources synthesized bare and with the full catalog
 * enforced (profile strict), in the same process, for N = 1k, 5k, 15k. Prints wall times, the ratio, and
 * the process's peak RSS. Each N runs in its own child process so peaks do not mix. Run after
 * `npm run build`.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const SIZES = (process.env.SIZES || '1000,5000,15000').split(',').map(Number);

function child(n) {
  process.env.CDKTF_GUARDRAILS_QUIET = '1';
  const { App, TerraformStack } = require('cdktf');
  const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
  const { EbsVolume } = require('@cdktf/provider-aws/lib/ebs-volume');
  const { SecurityGroup } = require('@cdktf/provider-aws/lib/security-group');
  const { Instance } = require('@cdktf/provider-aws/lib/instance');
  const { Guardrails } = require(path.join(root, 'dist/index.js'));

  const build = (guarded) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
    const app = new App({ outdir });
    if (guarded) Guardrails.enforce(app, { profile: 'strict' });
    const perStack = 2500;
    for (let s = 0; s * perStack < n; s++) {
      const stack = new TerraformStack(app, `stack${s}`);
      new AwsProvider(stack, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { owner: 'bench', environment: 'test' } }] });
      for (let i = s * perStack; i < Math.min(n, (s + 1) * perStack); i++) {
        if (i % 3 === 0) new EbsVolume(stack, `v${i}`, { availabilityZone: 'eu-west-1a', size: 10, encrypted: true });
        else if (i % 3 === 1) {
          new SecurityGroup(stack, `sg${i}`, {
            name: `sg${i}`,
            description: 'bench',
            vpcId: 'vpc-0123456789abcdef0',
            ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['10.0.0.0/8'], description: 'https' }],
          });
        } else {
          new Instance(stack, `i${i}`, {
            ami: 'ami-0123456789abcdef0',
            instanceType: 't3.micro',
            subnetId: 'subnet-0123',
            associatePublicIpAddress: false,
            rootBlockDevice: { encrypted: true },
            metadataOptions: { httpTokens: 'required' },
            monitoring: true,
            ebsOptimized: true,
          });
        }
      }
    }
    return { app, outdir };
  };
  const timeSynth = (guarded) => {
    const { app, outdir } = build(guarded);
    const t = process.hrtime.bigint();
    let violations = 0;
    try {
      app.synth();
    } catch (e) {
      if (!e.violations) throw e;
      violations = e.violations.length;
    }
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    fs.rmSync(outdir, { recursive: true, force: true });
    return { ms, violations };
  };
  timeSynth(false); // warm-up: module loading and JIT, not counted
  const bare = timeSynth(false);
  const guarded = timeSynth(true);
  process.stdout.write(
    JSON.stringify({ n, bare: bare.ms, guarded: guarded.ms, violations: guarded.violations, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

if (process.argv[2] === '--child') {
  child(Number(process.argv[3]));
} else {
  console.log('synth of N resources: bare vs full catalog enforced (strict), same process');
  console.log(
    'resources'.padStart(10),
    'bare ms'.padStart(10),
    'guarded ms'.padStart(11),
    'ratio'.padStart(7),
    'findings'.padStart(9),
    'peak RSS MB'.padStart(12),
  );
  const rows = [];
  for (const n of SIZES) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', __filename, '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    const row = JSON.parse(r.stdout);
    rows.push(row);
    console.log(
      String(n).padStart(10),
      row.bare.toFixed(0).padStart(10),
      row.guarded.toFixed(0).padStart(11),
      (row.guarded / row.bare).toFixed(2).padStart(7),
      String(row.violations).padStart(9),
      row.peakRssMb.toFixed(0).padStart(12),
    );
  }
  module.exports = rows;
}
