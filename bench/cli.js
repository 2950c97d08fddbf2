#!/usr/bin/env node
/**
 * Benchmark of the `cdktf-guardrails` CLI (not a test): generates cdktf outputs of 1k, 10k and 50k
 * resources (a mix of AWS and DigitalOcean types as a real stack has them, some compliant, some not),
 * runs the built CLI on each in a child process, and prints resources/second and peak memory, then the
 * CLI's own start-up time (`--version`).
 *
 *   npm run build && node bench/cli.js [sizes...]      e.g. node bench/cli.js 1000 100000
 *
 * Peak memory comes from `/usr/bin/time -v` when present, else from process.resourceUsage() in a wrapper
 * process (bench/cli-rss-wrapper.js).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');
const WRAPPER = path.join(__dirname, 'cli-rss-wrapper.js');
const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!fs.existsSync(MAIN)) {
  console.error(`bench/cli.js: ${path.relative(process.cwd(), MAIN)} is missing: run \`npm run build\` first`);
  process.exit(2);
}

/** One stack of `n` resources: a cycle of typical building blocks, each with its `//` metadata. */
function generateStack(n) {
  const resource = {};
  const add = (type, name, body) => {
    (resource[type] ??= {})[name] = { '//': { metadata: { path: `bench/${name}`, uniqueId: name } }, ...body };
  };
  const tags = (i, extra = {}) => ({ owner: `team-${i % 7}`, environment: i % 3 === 0 ? 'prod' : 'dev', ...extra });
  const makers = [
    (i) =>
      add('aws_instance', `web_${i}`, {
        ami: 'ami-0123456789abcdef0',
        instance_type: 't3.micro',
        subnet_id: `\${aws_subnet.private_${i}.id}`,
        associate_public_ip_address: false,
        root_block_device: { encrypted: i % 10 !== 0, volume_size: 20 },
        metadata_options: { http_tokens: 'required', http_endpoint: 'enabled' },
        tags: tags(i),
      }),
    (i) =>
      add('aws_ebs_volume', `data_${i}`, {
        availability_zone: 'eu-west-1a',
        size: 100,
        encrypted: i % 9 !== 0,
        kms_key_id: '${aws_kms_key.main.arn}',
        tags: tags(i),
      }),
    (i) =>
      add('aws_subnet', `private_${i}`, {
        vpc_id: '${aws_vpc.main.id}',
        cidr_block: `10.${(i >> 8) % 256}.${i % 256}.0/24`,
        map_public_ip_on_launch: false,
        tags: tags(i),
      }),
    (i) =>
      add('aws_security_group', `sg_${i}`, {
        name: `sg-${i}`,
        vpc_id: '${aws_vpc.main.id}',
        ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: [i % 11 === 0 ? '0.0.0.0/0' : '10.0.0.0/8'], description: 'https' }],
        egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['10.0.0.0/8'] }],
        tags: tags(i),
      }),
    (i) => add('aws_eip', `ip_${i}`, { domain: 'vpc', instance: `\${aws_instance.web_${i - 4}.id}`, tags: tags(i, i % 5 === 0 ? {} : { exposure: 'public' }) }),
    (i) => add('aws_s3_bucket', `logs_${i}`, { bucket: `bench-logs-${i}`, tags: tags(i) }),
    (i) =>
      add('aws_db_instance', `db_${i}`, {
        engine: 'postgres',
        instance_class: 'db.t3.micro',
        allocated_storage: 20,
        storage_encrypted: i % 8 !== 0,
        publicly_accessible: false,
        username: 'app',
        manage_master_user_password: true,
        tags: tags(i),
      }),
    (i) =>
      add('aws_lb', `lb_${i}`, { internal: i % 6 !== 0, load_balancer_type: 'application', subnets: [`\${aws_subnet.private_${i - 5}.id}`], tags: tags(i) }),
    (i) =>
      add('digitalocean_droplet', `node_${i}`, {
        image: 'ubuntu-24-04-x64',
        size: 's-1vcpu-1gb',
        region: 'ams3',
        tags: [`owner:team-${i % 7}`, 'environment:dev', ...(i % 4 ? ['exposure:public'] : [])],
      }),
    (i) => add('digitalocean_volume', `vol_${i}`, { region: 'ams3', size: 10, name: `vol-${i}` }),
    (i) =>
      add('digitalocean_firewall', `fw_${i}`, {
        name: `fw-${i}`,
        droplet_ids: [`\${digitalocean_droplet.node_${i - 2}.id}`],
        inbound_rule: [{ protocol: 'tcp', port_range: '22', source_addresses: [i % 3 ? '10.0.0.0/8' : '0.0.0.0/0'] }],
      }),
    (i) =>
      add('digitalocean_loadbalancer', `dolb_${i}`, {
        name: `lb-${i}`,
        region: 'ams3',
        droplet_ids: [`\${digitalocean_droplet.node_${i - 3}.id}`],
        forwarding_rule: [{ entry_port: 443, entry_protocol: 'https', target_port: 80, target_protocol: 'http', certificate_name: 'cert' }],
      }),
  ];
  for (let i = 0; i < n; i++) makers[i % makers.length](i);
  return {
    '//': { metadata: { backend: 'local', stackName: 'bench', version: '0.21.0' }, outputs: {} },
    provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { managed_by: 'cdktf' } }] }], digitalocean: [{}] },
    terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' }, digitalocean: { source: 'digitalocean/digitalocean', version: '2.55.0' } } },
    resource,
  };
}

function writeCdktfOut(dir, n) {
  const stackDir = path.join(dir, 'stacks', 'bench');
  fs.mkdirSync(stackDir, { recursive: true });
  fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(generateStack(n), null, 2));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      version: '0.21.0',
      stacks: { bench: { name: 'bench', constructPath: 'bench', synthesizedStackPath: 'stacks/bench/cdk.tf.json', workingDirectory: 'stacks/bench' } },
    }),
  );
  return fs.statSync(path.join(stackDir, 'cdk.tf.json')).size;
}

/** Run the CLI once; wall time from here, peak RSS from /usr/bin/time -v or the wrapper. */
function runCli(args) {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  let command;
  let argv;
  if (TIME) [command, argv] = [TIME, ['-v', process.execPath, MAIN, ...args]];
  else [command, argv] = [process.execPath, [WRAPPER, MAIN, ...args]];
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: rssFile }, maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssKb;
  if (TIME) rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  else if (fs.existsSync(rssFile)) rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  // /usr/bin/time reports the child's exit status as its own.
  return { code: r.status, seconds, rssKb, stderr: r.stderr };
}

function main() {
  const sizes = SIZES.length ? SIZES : [1000, 10000, 50000];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-guardrails-bench-'));
  console.log(
    `cdktf-guardrails CLI benchmark — node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), peak memory via ${TIME ? '/usr/bin/time -v' : 'process.resourceUsage()'}`,
  );
  console.log('');
  console.log('resources   input MB   format   wall s   resources/s   peak RSS MB   findings   exit');
  try {
    for (const n of sizes) {
      const dir = path.join(work, `out-${n}`);
      const bytes = writeCdktfOut(dir, n);
      for (const format of ['json', 'text']) {
        const report = path.join(work, `report-${n}.${format}`);
        const r = runCli(['check', dir, '--format', format, '--output', report]);
        if (r.code !== 0 && r.code !== 1) {
          console.error(`run failed (exit ${r.code}): ${r.stderr.split('\n').find((l) => l.startsWith('cdktf-guardrails')) ?? r.stderr.slice(0, 500)}`);
          process.exitCode = 1;
          continue;
        }
        const findings = format === 'json' ? JSON.parse(fs.readFileSync(report, 'utf8')).violations.length : '';
        console.log(
          [
            String(n).padStart(9),
            (bytes / 1e6).toFixed(1).padStart(10),
            format.padStart(8),
            r.seconds.toFixed(2).padStart(8),
            Math.round(n / r.seconds)
              .toLocaleString('en-US')
              .padStart(13),
            (r.rssKb ? (r.rssKb / 1024).toFixed(0) : '?').padStart(13),
            String(findings).padStart(10),
            String(r.code).padStart(6),
          ].join(' '),
        );
      }
    }
    const times = [];
    for (let i = 0; i < 7; i++) times.push(runCli(['--version']).seconds * 1000);
    times.sort((a, b) => a - b);
    const rss = runCli(['--version']).rssKb;
    console.log('');
    console.log(
      `start-up (--version, 7 runs): median ${times[3].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, peak RSS ${rss ? (rss / 1024).toFixed(0) : '?'} MB`,
    );
    const bare = [];
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    bare.sort((a, b) => a - b);
    console.log(`(node -e 0 on this machine: median ${bare[2].toFixed(0)} ms)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
