/**
 * One measured synth, run by bench/synth.js in a fresh process:
 *
 *   node -r bench/probe.js bench/synth-app.js N guarded|bare OUTDIR [PER_STACK]
 *
 * Builds an app of N resources (stacks of PER_STACK, default 2000) from a cycle of typical building blocks
 * that point at each other as a real app's do (a bucket and its versioning, encryption and public access
 * block; a key and the volumes it encrypts; an instance in its security group; a droplet and its
 * firewall), then synthesizes it: bare, or with the whole catalog enforced (`profile: 'strict'`). The app
 * meets the catalog, so a guarded synth is accepted and writes its reports, as in everyday use. The bare
 * side never loads cdktf-guardrails. Phase CPU times go to bench/probe.js through globalThis.benchExtra.
 */
'use strict';
const path = require('path');

const [n, mode, outdir, perStackArg] = process.argv.slice(2);
const N = Number(n);
const PER_STACK = Number(perStackArg ?? 2000);
const guarded = mode === 'guarded';
if (!(N > 0) || !['guarded', 'bare'].includes(mode) || !outdir) {
  console.error('usage: node bench/synth-app.js N guarded|bare OUTDIR [PER_STACK]');
  process.exit(2);
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const started = cpu();

process.env.CDKTF_GUARDRAILS_QUIET = '1';
const { App, TerraformStack, Token } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { S3Bucket } = require('@cdktf/provider-aws/lib/s3-bucket');
const { S3BucketVersioningA } = require('@cdktf/provider-aws/lib/s3-bucket-versioning');
const { S3BucketServerSideEncryptionConfigurationA } = require('@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration');
const { S3BucketPublicAccessBlock } = require('@cdktf/provider-aws/lib/s3-bucket-public-access-block');
const { S3BucketPolicy } = require('@cdktf/provider-aws/lib/s3-bucket-policy');
const { S3BucketLoggingA } = require('@cdktf/provider-aws/lib/s3-bucket-logging');
const { KmsKey } = require('@cdktf/provider-aws/lib/kms-key');
const { EbsVolume } = require('@cdktf/provider-aws/lib/ebs-volume');
const { SecurityGroup } = require('@cdktf/provider-aws/lib/security-group');
const { Instance } = require('@cdktf/provider-aws/lib/instance');
const { DigitaloceanProvider } = require('@cdktf/provider-digitalocean/lib/provider');
const { Droplet } = require('@cdktf/provider-digitalocean/lib/droplet');
const { Firewall } = require('@cdktf/provider-digitalocean/lib/firewall');
const Guardrails = guarded ? require(path.resolve(__dirname, '..', 'dist', 'index.js')).Guardrails : undefined;
const loaded = cpu();

const app = new App({ outdir });
if (guarded) Guardrails.enforce(app, { profile: 'strict' });

/** A bucket with what the catalog asks of every bucket: versioning, KMS encryption, no public access, TLS only. */
function secureBucket(stack, id, key, name = `bench-${id}`) {
  const bucket = new S3Bucket(stack, `bucket${id}`, { bucket: name });
  new S3BucketVersioningA(stack, `versioning${id}`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketServerSideEncryptionConfigurationA(stack, `sse${id}`, {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  new S3BucketPublicAccessBlock(stack, `pab${id}`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketPolicy(stack, `policy${id}`, {
    bucket: bucket.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TlsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucket.arn, `${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
  return bucket;
}

/** One cycle of 12 resources, all meeting the strict catalog (`logs`: the stack's access-log bucket). */
function cycle(stack, i, logs) {
  const key = new KmsKey(stack, `key${i}`, { description: `bench ${i}`, enableKeyRotation: true, deletionWindowInDays: 30 });
  const bucket = secureBucket(stack, `${i}`, key);
  new S3BucketLoggingA(stack, `logging${i}`, { bucket: bucket.id, targetBucket: logs.id, targetPrefix: `bench-${i}/` });
  new EbsVolume(stack, `volume${i}`, { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, kmsKeyId: key.arn });
  const sg = new SecurityGroup(stack, `sg${i}`, {
    name: `sg${i}`,
    description: 'bench',
    vpcId: 'vpc-0123456789abcdef0',
    ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['10.0.0.0/8'], description: 'https' }],
    egress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['10.0.0.0/8'], description: 'https out' }],
  });
  new Instance(stack, `instance${i}`, {
    ami: 'ami-0123456789abcdef0',
    instanceType: 't3.micro',
    subnetId: 'subnet-0123',
    iamInstanceProfile: 'bench-ssm',
    vpcSecurityGroupIds: [sg.id],
    associatePublicIpAddress: false,
    rootBlockDevice: { encrypted: true, kmsKeyId: key.arn },
    metadataOptions: { httpTokens: 'required' },
    monitoring: true,
    ebsOptimized: true,
  });
  const droplet = new Droplet(stack, `droplet${i}`, {
    image: 'ubuntu-24-04-x64',
    name: `node-${i}`,
    region: 'ams3',
    size: 's-1vcpu-1gb',
    monitoring: true,
    backups: true,
    sshKeys: ['3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa'],
    tags: ['owner:bench', 'environment:test', 'exposure:public'],
  });
  new Firewall(stack, `fw${i}`, {
    name: `fw-${i}`,
    dropletIds: [Token.asNumber(droplet.id)],
    inboundRule: [{ protocol: 'tcp', portRange: '443', sourceAddresses: ['10.0.0.0/8'] }],
    outboundRule: [{ protocol: 'tcp', portRange: '443', destinationAddresses: ['10.0.0.0/8'] }],
  });
  return 12;
}

let made = 0;
for (let s = 0; made < N; s++) {
  const stack = new TerraformStack(app, `stack${s}`);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { owner: 'bench', environment: 'test' } }] });
  new DigitaloceanProvider(stack, 'do', {});
  const logKey = new KmsKey(stack, 'logkey', { description: 'bench logs', enableKeyRotation: true, deletionWindowInDays: 30 });
  const logs = secureBucket(stack, 'logs', logKey, `bench-logs-${s}`);
  for (let inStack = 0; inStack < PER_STACK && made < N;) {
    const count = cycle(stack, made, logs);
    made += count;
    inStack += count;
  }
}
const built = cpu();

let findings = 0;
try {
  app.synth();
} catch (error) {
  const refused = /** @type {{ violations?: unknown[] } | undefined} */ (error);
  if (!refused || !Array.isArray(refused.violations)) throw error;
  findings = refused.violations.length;
}
const synthesized = cpu();
globalThis.benchExtra = { resources: made, findings, load: loaded - started, build: built - loaded, synth: synthesized - built };
