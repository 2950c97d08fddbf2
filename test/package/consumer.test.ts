/**
 * What a user gets from npm: `npm pack` the package, install the tarball into a fresh project that has only
 * the peer dependencies, compile a small TypeScript cdktf app against the published types, synthesize it
 * with guardrails, use the jest matchers, and run the CLI from node_modules/.bin on its output. This is what
 * catches a wrong `exports`, `files`, `types` or `bin`.
 *
 * The install prefers the cache (`--prefer-offline`): our own dependencies' tarballs come from the npm cache
 * that `npm ci` filled, but `npm ci` caches no package metadata, which resolving the tarball's dependencies
 * needs, so that may come from the registry. The (large) peers are linked from this checkout's node_modules
 * instead of being copied again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT as root, compile, consumerProject, run } from '../helpers/consumer-project';

const PEERS = ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-digitalocean', 'typescript', '@types/node', '@types/jest'];

const APP = `
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Guardrails, GuardrailViolationError, SecretStore, type Violation } from 'cdktf-guardrails';

const app = new App({ outdir: process.argv[2] });
Guardrails.enforce(app, { profile: 'baseline' });
const stack = new TerraformStack(app, 'consumer');
new AwsProvider(stack, 'aws', { region: 'eu-west-1', defaultTags: [{ tags: { owner: 'consumer', environment: 'test' } }] });
new EbsVolume(stack, 'data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true });
const store = new SecretStore(stack, 'secrets', {
  accountId: '123456789012',
  region: 'eu-west-1',
  secrets: [{ name: 'app/db-password', writers: ['secrets-operator'], readers: ['app-server'] }],
});
store.grant({ iamRole: 'app-server' }, { actions: ['get'], secrets: ['app/*'] });
const legacy = new EbsVolume(stack, 'legacy', { availabilityZone: 'eu-west-1a', size: 10 });
Guardrails.suppress(legacy, 'volume-encryption-required', { reason: 'legacy volume, replaced in Q3', expires: '2999-01-01' });
if (process.argv[3] === 'break') new EbsVolume(stack, 'broken', { availabilityZone: 'eu-west-1a', size: 10 });
try {
  app.synth();
  console.log('SYNTH OK');
} catch (e) {
  if (e instanceof GuardrailViolationError) {
    const vs: readonly Violation[] = e.violations;
    console.log('REFUSED ' + vs.map((v) => v.address).join(','));
    process.exit(3);
  }
  throw e;
}
`;

const MATCHERS = `
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { guardrailMatchers } from 'cdktf-guardrails/testing';

// Type-level check: the published declarations extend jest's Matchers.
export function typed(stack: TerraformStack) {
  expect(stack).toPassGuardrails({ profile: 'strict' });
  expect(stack).toViolateGuardrail('volume-encryption-required', { address: 'aws_ebs_volume.data' });
}

const stack = new TerraformStack(new App({ outdir: process.argv[2] }), 's');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new EbsVolume(stack, 'data', { availabilityZone: 'eu-west-1a' });
const passes = guardrailMatchers.toPassGuardrails(stack);
const violates = guardrailMatchers.toViolateGuardrail(stack, 'volume-encryption-required', { address: 'aws_ebs_volume.data' });
console.log('MATCHERS ' + passes.pass + ' ' + violates.pass);
`;

describe('consumer install from the packed tarball', () => {
  let project: string;
  let installOutput = '';

  beforeAll(() => {
    ({ dir: project, installOutput } = consumerProject('guardrails-consumer-', path.join(root, 'node_modules'), PEERS));
  }, 240000);

  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test('the tarball ships the built package and nothing of the sources or tests', () => {
    const pkgDir = path.join(project, 'node_modules', 'cdktf-guardrails');
    expect(fs.existsSync(path.join(pkgDir, 'dist', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(pkgDir, 'dist', 'index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(pkgDir, 'dist', 'testing', 'index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(pkgDir, 'dist', 'test'))).toBe(false);
    for (const source of ['aspects', 'engine', 'rules', 'lib']) expect(fs.existsSync(path.join(pkgDir, source))).toBe(false);
    expect(installOutput).not.toMatch(/ERR!/);
  });

  test('a TypeScript app compiles against the published types, synthesizes, and is refused when it breaks a rule', () => {
    fs.writeFileSync(path.join(project, 'main.ts'), APP);
    fs.writeFileSync(path.join(project, 'matchers.ts'), MATCHERS);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, skipLibCheck: true, types: ['node', 'jest'] },
        files: ['main.ts', 'matchers.ts'],
      }),
    );
    const tsc = compile(project);
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);

    const good = run(process.execPath, ['main.js', path.join(project, 'out-good')], project, { ...process.env, CDKTF_GUARDRAILS_QUIET: '1' });
    expect(good.out).toContain('SYNTH OK');
    expect(fs.existsSync(path.join(project, 'out-good', 'guardrails', 'report.sarif'))).toBe(true);

    const bad = run(process.execPath, ['main.js', path.join(project, 'out-bad'), 'break'], project, { ...process.env, CDKTF_GUARDRAILS_QUIET: '1' });
    expect(bad.status).toBe(3);
    expect(bad.out).toContain('REFUSED aws_ebs_volume.broken');

    const matchers = run(process.execPath, ['matchers.js', path.join(project, 'out-matchers')], project);
    expect(matchers.out).toContain('MATCHERS false true');
  });

  test('the CLI from node_modules/.bin checks the output, honouring the suppression recorded at synth', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'cdktf-guardrails');
    expect(fs.existsSync(bin)).toBe(true);
    const ok = run(bin, ['check', path.join(project, 'out-good'), '--format', 'json'], project);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.out).suppressed).toHaveLength(1);
    const version = run(bin, ['--version'], project);
    expect(version.out.trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
