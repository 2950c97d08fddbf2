/**
 * A CDK Terrain app (cdktn 0.24, @cdktn/provider-aws 25.x = AWS provider 6) with no cdktf anywhere: the
 * packed tarball installed beside cdktn's peers only, an app written with cdktn's template compiler options,
 * the AWS constructs under the strict profile, the aspect form, a refusal, and the CLI on its output.
 *
 * The peers (test/package/cdktn-peers, ~480 MB) are installed once into node_modules/.cache. The app runs
 * on Node 22 when `npx node@22` can be had (@cdktn/provider-aws wants Node >= 22.11), else on this Node,
 * where it works with an engine warning.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, cdktnPeers, compile, consumerProject, run } from '../helpers/consumer-project';

const PEERS = ['cdktn', 'constructs', '@cdktn/provider-aws', 'typescript', '@types/node'];

/** Node 22 from the registry when it can be had; the reason when not. */
function node22(): { cmd: string; args: string[] } | string {
  const probe = run('npx', ['-y', 'node@22', '--version'], ROOT);
  return probe.status === 0 && /^v22\./.test(probe.out.trim().split('\n').pop() ?? '')
    ? { cmd: 'npx', args: ['-y', 'node@22'] }
    : `npx node@22 failed (${probe.out.trim().slice(0, 200)})`;
}

const APP = `
import { App, Aspects, TerraformStack } from 'cdktn';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { EbsVolume } from '@cdktn/provider-aws/lib/ebs-volume';
import { AwsDerpRelay, Guardrails, GuardrailsAspect, GuardrailViolationError, SecretStore } from 'cdktf-guardrails/aws';

const [outdir, mode] = process.argv.slice(2);
const app = new App({ outdir });
const stack = new TerraformStack(app, 'relays');
new AwsProvider(stack, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { owner: 'team-infra', environment: 'test' } }] });
if (mode.includes('aspect')) Aspects.of(app).add(new GuardrailsAspect({ profile: 'strict' }));
else Guardrails.enforce(app, { profile: 'strict' });
const kmsKeyArn = 'arn:aws:kms:eu-west-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab';
new AwsDerpRelay(stack, 'fra', {
  hostname: 'derp-fra-1.example.com',
  nodeName: '900a',
  regionId: 900,
  regionCode: 'aws-fra',
  regionName: 'AWS Frankfurt',
  vpcId: 'vpc-0123456789abcdef0',
  subnetId: 'subnet-0123456789abcdef0',
  amiId: 'ami-0123456789abcdef0',
  versions: { nodeExporter: { sha256: 'a'.repeat(64) }, derperSha256: { arm64: 'b'.repeat(64), amd64: 'c'.repeat(64) } },
  authKeySecret: { name: 'join-keys/900a', arn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:join-keys/900a-??????', region: 'eu-west-1', kmsKeyArn },
  rootVolumeKmsKeyArn: kmsKeyArn,
});
new SecretStore(stack, 'secrets', {
  accountId: '123456789012',
  region: 'eu-west-1',
  secrets: [{ name: 'app/db-password', writers: ['secrets-operator'], readers: ['app-server'] }],
});
if (mode.includes('break')) new EbsVolume(stack, 'broken', { availabilityZone: 'eu-west-1a', size: 10 });
try {
  app.synth();
  console.log('SYNTH OK');
} catch (e) {
  if (!(e instanceof GuardrailViolationError)) throw e;
  console.log('REFUSED ' + e.violations.map((v) => v.ruleId + ' ' + v.address).join(', '));
  process.exit(3);
}
`;

/** cdktn's own template (packages/@cdktn/cli-core/templates/typescript/tsconfig.json), minus incremental builds. */
const TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    types: ['node'],
    skipLibCheck: true,
  },
  files: ['main.ts'],
};

describe('a cdktn app with no cdktf installed', () => {
  let project: string;
  let node: { cmd: string; args: string[] };

  beforeAll(() => {
    ({ dir: project } = consumerProject('guardrails-cdktn-', cdktnPeers(), PEERS));
    const found = node22();
    if (typeof found === 'string') {
      console.warn(`cdktn consumer: running on ${process.version}, not Node 22: ${found}`);
      node = { cmd: process.execPath, args: [] };
    } else node = found;
    fs.writeFileSync(path.join(project, 'main.ts'), APP);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  }, 600000);

  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  const synth = (mode: string) =>
    run(node.cmd, [...node.args, 'main.js', path.join(project, `out-${mode}`), mode], project, { ...process.env, CDKTF_GUARDRAILS_QUIET: '1' });

  test('cdktf is nowhere to be found, and the app compiles with cdktn template options', () => {
    expect(fs.existsSync(path.join(project, 'node_modules', 'cdktf'))).toBe(false);
    expect(run(process.execPath, ['-e', "require.resolve('cdktf')"], project).status).not.toBe(0);
    const tsc = compile(project);
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);
  });

  test("with skipLibCheck off, a paths mapping makes our declarations read cdktn's types: no error", () => {
    // Our .d.ts are written against cdktf's types; the mapping README documents points them at cdktn's.
    const strictLib = {
      ...TSCONFIG,
      compilerOptions: {
        ...TSCONFIG.compilerOptions,
        skipLibCheck: false,
        noEmit: true,
        baseUrl: '.',
        paths: { cdktf: ['node_modules/cdktn'], 'cdktf/*': ['node_modules/cdktn/*'], '@cdktf/provider-aws/*': ['node_modules/@cdktn/provider-aws/*'] },
      },
    };
    fs.writeFileSync(path.join(project, 'tsconfig.strict-lib.json'), JSON.stringify(strictLib));
    const tsc = run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.strict-lib.json'], project);
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);
    // Without it, the declarations name a package that is not installed.
    const { paths: _paths, baseUrl: _baseUrl, ...withoutMapping } = strictLib.compilerOptions;
    fs.writeFileSync(path.join(project, 'tsconfig.no-mapping.json'), JSON.stringify({ ...strictLib, compilerOptions: withoutMapping }));
    const unmapped = run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.no-mapping.json'], project);
    expect(unmapped.out).toContain("Cannot find module 'cdktf'");
  });

  test('the AWS constructs pass the strict profile on AWS provider 6, with enforce and with the aspect', () => {
    for (const mode of ['enforce', 'aspect']) {
      const out = synth(mode);
      expect({ mode, out: out.out.replace(/npm warn.*\n/g, '') }).toEqual({ mode, out: expect.stringContaining('SYNTH OK') });
      const stackJson = JSON.parse(fs.readFileSync(path.join(project, `out-${mode}`, 'stacks', 'relays', 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(stackJson.resource)).toEqual(expect.arrayContaining(['aws_instance', 'aws_kms_key']));
      expect(stackJson.terraform.required_providers.aws.version).toMatch(/^6\./);
      expect(fs.existsSync(path.join(project, `out-${mode}`, 'guardrails', 'report.json'))).toBe(true);
    }
  });

  test('the package root loads without cdktf; a DigitalOcean construct says it needs cdktf', () => {
    const script = `
      const { App, TerraformStack } = require('cdktn');
      const root = require('cdktf-guardrails');
      const stack = new TerraformStack(new App(), 's');
      try {
        new root.DropletHealthAlerts(stack, 'alerts', { name: 'relay', dropletIds: ['1'], emails: ['ops@example.com'] });
        console.log('MADE');
      } catch (e) {
        console.log(e.name + ': ' + e.message);
      }`;
    const r = run(node.cmd, [...node.args, '-e', script], project);
    expect(r.out).toContain('GuardrailConfigError: the DigitalOcean constructs need cdktf');
    expect(r.out).toContain('cdktn get');
  });

  test('a stack that breaks a rule is refused either way, and the CLI reads what cdktn wrote', () => {
    for (const mode of ['enforce-break', 'aspect-break']) {
      const bad = synth(mode);
      expect({ mode, out: bad.out }).toEqual({ mode, out: expect.stringContaining('REFUSED volume-encryption-required aws_ebs_volume.broken') });
      expect(bad.status).toBe(3);
    }
    const bin = path.join(project, 'node_modules', '.bin', 'cdktf-guardrails');
    const ok = run(bin, ['check', path.join(project, 'out-enforce'), '--profile', 'strict', '--format', 'json'], project);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.out).stacks.map((s: { name: string }) => s.name)).toEqual(['relays']);
  });
});
