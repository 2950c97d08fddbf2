/**
 * The cdk-nag idiom: `Aspects.of(app | stack).add(new GuardrailsAspect(options))` enforces exactly like
 * `Guardrails.enforce`, although cdktf never invokes aspects added to the App.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, Testing } from 'cdktf';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Manifest } from 'cdktf/lib/manifest';
import { Guardrails, GuardrailsAspect, GuardrailViolationError, GuardrailConfigError } from '../../index';
import { awsStack, readReport, synthError, testApp } from '../helpers/app';

const badVolume = { availabilityZone: 'eu-west-1a', size: 10, encrypted: false };
const goodVolume = { ...badVolume, encrypted: true };

test('an aspect on the App refuses a violating stack (cdktf itself never visits it)', () => {
  const app = testApp();
  Aspects.of(app).add(new GuardrailsAspect());
  new EbsVolume(awsStack(app), 'data', badVolume);
  const error = synthError(app);
  expect(error).toBeInstanceOf(GuardrailViolationError);
  expect(error.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['volume-encryption-required']);
});

test('an aspect on a stack covers that stack only', () => {
  const app = testApp();
  const guarded = awsStack(app, 'guarded');
  new EbsVolume(guarded, 'data', badVolume);
  new EbsVolume(awsStack(app, 'free'), 'data', badVolume);
  Aspects.of(guarded).add(new GuardrailsAspect());
  const error = synthError(app);
  expect(error.violations.map((v: { stack: string }) => v.stack)).toEqual(['guarded']);
});

test('its options are enforced (rule levels, profile)', () => {
  const app = testApp();
  Aspects.of(app).add(new GuardrailsAspect({ rules: { 'volume-encryption-required': 'warning' } }));
  new EbsVolume(awsStack(app), 'data', badVolume);
  expect(synthError(app)).toBeUndefined();
  expect(readReport(app).violations.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`)).toContain(
    'volume-encryption-required warning',
  );
});

test('an aspect and Guardrails.enforce with the same options report once', () => {
  const app = testApp();
  Guardrails.enforce(app, { profile: 'baseline' });
  Aspects.of(app).add(new GuardrailsAspect({ profile: 'baseline' }));
  new EbsVolume(awsStack(app), 'data', badVolume);
  expect(synthError(app).violations).toHaveLength(1);
});

test('an aspect and Guardrails.enforce that disagree are a clear error', () => {
  const app = testApp();
  Guardrails.enforce(app, { profile: 'strict' });
  Aspects.of(app).add(new GuardrailsAspect({ profile: 'baseline' }));
  new EbsVolume(awsStack(app), 'data', goodVolume);
  const error = synthError(app);
  expect(error).toBeInstanceOf(GuardrailConfigError);
  expect(error.message).toMatch(/the GuardrailsAspect on '<app>' and Guardrails\.enforce\(<app>\) give different options/);
});

test('bad options fail when the aspect is made, naming it', () => {
  expect(() => new GuardrailsAspect({ profile: 'paranoid' as never })).toThrow(/GuardrailsAspect options/);
});

test("a stack's own synthesizer and cdktf's Testing helpers honour an aspect too", () => {
  const app = Testing.app();
  const stack = awsStack(app);
  new EbsVolume(stack, 'data', badVolume);
  Aspects.of(stack).add(new GuardrailsAspect());
  expect(() => Testing.synth(stack)).toThrow(GuardrailViolationError);
  expect(() => Testing.fullSynth(stack)).toThrow(GuardrailViolationError);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aspect-direct-'));
  expect(() => stack.synthesizer.synthesize({ outdir, manifest: new Manifest('0.21.0', outdir, false) })).toThrow(GuardrailViolationError);
});

test('an app with no aspect and no enforce is untouched', () => {
  new GuardrailsAspect(); // installs the hooks
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'plain-')) });
  new EbsVolume(awsStack(app), 'data', badVolume);
  expect(synthError(app)).toBeUndefined();
});
