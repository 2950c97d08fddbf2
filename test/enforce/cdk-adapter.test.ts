/**
 * Which CDK for Terraform the package loads: cdktf or cdktn, chosen by the environment variable, by what the
 * app already loaded, or by what is installed; refused when it cannot be told.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { cdk, cdkFamily, chooseCdk, loadedCdkCopies, type CdkCandidate } from '../../aspects/cdk';
import { GuardrailConfigError } from '../../engine/config-error';

const cdktf = (over: Partial<CdkCandidate> = {}): CdkCandidate => ({ family: 'cdktf', entry: '/app/node_modules/cdktf/lib/index.js', loaded: false, ...over });
const cdktn = (over: Partial<CdkCandidate> = {}): CdkCandidate => ({ family: 'cdktn', entry: '/app/node_modules/cdktn/lib/index.js', loaded: false, ...over });
const missing = (c: CdkCandidate): CdkCandidate => ({ ...c, entry: undefined });

describe('chooseCdk', () => {
  test('the one installed', () => {
    expect(chooseCdk([cdktf(), missing(cdktn())], undefined)).toBe('cdktf');
    expect(chooseCdk([missing(cdktf()), cdktn()], undefined)).toBe('cdktn');
  });

  test('both installed: the one the app has loaded', () => {
    expect(chooseCdk([cdktf(), cdktn({ loaded: true })], undefined)).toBe('cdktn');
    expect(chooseCdk([cdktf({ loaded: true }), cdktn()], undefined)).toBe('cdktf');
  });

  test('both installed and neither or both loaded is refused, naming both and the way out', () => {
    for (const loaded of [false, true]) {
      const choose = () => chooseCdk([cdktf({ loaded }), cdktn({ loaded })], undefined);
      expect(choose).toThrow(GuardrailConfigError);
      expect(choose).toThrow(/both cdktf \(\/app\/node_modules\/cdktf\/lib\/index.js\) and cdktn .* are installed/);
      expect(choose).toThrow(/CDKTF_GUARDRAILS_CDK=cdktn/);
      expect(choose).toThrow(loaded ? /both is loaded/ : /neither is loaded/);
    }
  });

  test('neither installed is refused with the install line', () => {
    expect(() => chooseCdk([missing(cdktf()), missing(cdktn())], undefined)).toThrow(/install cdktf \(0\.21\) or CDK Terrain \(cdktn 0\.24\)/);
  });

  test('the environment variable wins, and must name an installed family', () => {
    expect(chooseCdk([cdktf({ loaded: true }), cdktn()], 'cdktn')).toBe('cdktn');
    expect(chooseCdk([cdktf(), cdktn({ loaded: true })], 'cdktf')).toBe('cdktf');
    expect(chooseCdk([cdktf(), missing(cdktn())], '')).toBe('cdktf');
    expect(() => chooseCdk([cdktf(), cdktn()], 'cdk8s')).toThrow(/CDKTF_GUARDRAILS_CDK=cdk8s: expected one of cdktf, cdktn/);
    expect(() => chooseCdk([cdktf(), missing(cdktn())], 'cdktn')).toThrow(/cdktn is not installed: npm install cdktn/);
  });
});

describe('in this process', () => {
  test('the installed cdktf is the runtime, and the only loaded copy', () => {
    expect(cdkFamily).toBe('cdktf');
    expect(cdk.TerraformStack).toBe(require('cdktf').TerraformStack);
    expect(loadedCdkCopies()).toEqual([cdk]);
  });

  test('an unknown CDKTF_GUARDRAILS_CDK fails the import with a clear message, not a stack trace of ours', () => {
    const entry = path.resolve(__dirname, '..', '..', 'dist', 'index.js');
    const r = spawnSync(process.execPath, ['-e', `try { require(${JSON.stringify(entry)}) } catch (e) { console.log(e.name + ': ' + e.message) }`], {
      encoding: 'utf8',
      env: { ...process.env, CDKTF_GUARDRAILS_CDK: 'cdktn' },
    });
    expect(r.stdout.trim()).toBe('GuardrailConfigError: CDKTF_GUARDRAILS_CDK=cdktn, but cdktn is not installed: npm install cdktn');
  });
});
