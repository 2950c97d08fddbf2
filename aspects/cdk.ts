/**
 * The one place that loads CDK for Terraform: cdktf 0.21 (HashiCorp's last release) or its continuation, CDK
 * Terrain (cdktn 0.24), whichever the app uses, and the AWS provider bindings of the same family. The two
 * have the same API, the same `Symbol.for('cdktf/…')` markers and the same output, so everything else is
 * written once against cdktf's types and reaches the runtime through `cdk` and `awsProvider`.
 *
 * Which one: `CDKTF_GUARDRAILS_CDK=cdktf|cdktn` if set; else the one the process has already loaded; else the
 * one installed. Both installed and neither (or both) loaded is refused: guessing would patch the prototypes
 * of a copy the app never uses, and its stacks would synthesize unchecked.
 */
import type * as Cdktf from 'cdktf';
import { GuardrailConfigError } from '../engine/config-error';

export type CdkFamily = 'cdktf' | 'cdktn';
export const CDK_FAMILIES: readonly CdkFamily[] = ['cdktf', 'cdktn'];
export const CDK_CHOICE_ENV = 'CDKTF_GUARDRAILS_CDK';

/** The AWS provider bindings package of each family (DigitalOcean's exist for cdktf only). */
const AWS_PROVIDER: Record<CdkFamily, string> = { cdktf: '@cdktf/provider-aws', cdktn: '@cdktn/provider-aws' };

export interface CdkCandidate {
  readonly family: CdkFamily;
  /** The resolved entry file, or undefined when the package is not installed. */
  readonly entry: string | undefined;
  /** Whether the process has already loaded it (the app imported it before us). */
  readonly loaded: boolean;
}

/** Pure choice over what is installed and loaded, so every branch is testable without installing both. */
export function chooseCdk(candidates: readonly CdkCandidate[], requested: string | undefined): CdkFamily {
  const installed = candidates.filter((c) => c.entry !== undefined);
  const describe = (c: CdkCandidate) => `${c.family} (${c.entry})`;
  if (requested !== undefined && requested !== '') {
    const wanted = candidates.find((c) => c.family === requested);
    if (!wanted) throw new GuardrailConfigError(`${CDK_CHOICE_ENV}=${requested}: expected one of ${CDK_FAMILIES.join(', ')}`);
    if (wanted.entry === undefined)
      throw new GuardrailConfigError(`${CDK_CHOICE_ENV}=${requested}, but ${requested} is not installed: npm install ${requested}`);
    return wanted.family;
  }
  if (installed.length === 0) {
    throw new GuardrailConfigError(
      'cdktf-guardrails needs CDK for Terraform: install cdktf (0.21) or CDK Terrain (cdktn 0.24) beside constructs, e.g. `npm install cdktn constructs`',
    );
  }
  if (installed.length === 1) return installed[0].family;
  const loaded = installed.filter((c) => c.loaded);
  if (loaded.length === 1) return loaded[0].family;
  throw new GuardrailConfigError(
    `both ${installed.map(describe).join(' and ')} are installed and ${loaded.length === 0 ? 'neither' : 'both'} is loaded; ` +
      `set ${CDK_CHOICE_ENV}=cdktf or ${CDK_CHOICE_ENV}=cdktn to the one your app imports (or import it before cdktf-guardrails)`,
  );
}

function candidate(family: CdkFamily): CdkCandidate {
  let entry: string | undefined;
  try {
    entry = require.resolve(family);
  } catch {
    entry = undefined;
  }
  return { family, entry, loaded: entry !== undefined && require.cache[entry] !== undefined };
}

/** The family this process uses; decided once, when cdktf-guardrails is first loaded. */
export const cdkFamily: CdkFamily = chooseCdk(CDK_FAMILIES.map(candidate), process.env[CDK_CHOICE_ENV]);

/** cdktf or cdktn, typed as cdktf (their APIs are the same). */
export const cdk: typeof Cdktf = require(cdkFamily);

/** A module of the app's cdktf or cdktn by its path inside the package, for the few hooks the root does not export. */
export function cdkModule<Module>(modulePath: string): Module {
  return require(`${cdkFamily}/${modulePath}`) as Module;
}

/**
 * One module of the AWS provider bindings of the app's family, by its deep path under `lib/` (never the
 * root index, which costs seconds and ~500 MB): `awsProvider<typeof import('@cdktf/provider-aws/lib/instance')>('instance')`.
 */
export function awsProvider<Module>(name: string): Module {
  const pkg = AWS_PROVIDER[cdkFamily];
  try {
    return require(`${pkg}/lib/${name}`) as Module;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes(pkg)) throw error;
    throw new GuardrailConfigError(`the AWS constructs need ${pkg} beside ${cdkFamily}: npm install ${pkg} (its lib/${name} was not found)`);
  }
}

/**
 * One module of DigitalOcean's provider bindings. There is no @cdktn/provider-digitalocean, and
 * @cdktf/provider-digitalocean's classes are built on cdktf: inside a cdktn stack they fail at synth
 * (`_resetResolveDiscoveredProviderFeatureUsage is not a function`). So the DigitalOcean constructs are
 * cdktf-only, and say so when made under cdktn; the rules check a cdktn app's DigitalOcean resources (made with
 * bindings from `cdktn get`) like any other. Called when a construct is made, never at import, so importing
 * the package root under cdktn does not need cdktf.
 */
export function digitaloceanProvider<Module>(name: string): Module {
  if (cdkFamily === 'cdktn') {
    throw new GuardrailConfigError(
      'the DigitalOcean constructs need cdktf: @cdktf/provider-digitalocean is built on cdktf and does not run in a cdktn stack, and there is no @cdktn/provider-digitalocean; under cdktn, make DigitalOcean resources with bindings from `cdktn get` (Guardrails.enforce checks them)',
    );
  }
  try {
    return require(`@cdktf/provider-digitalocean/lib/${name}`) as Module;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes('provider-digitalocean')) throw error;
    throw new GuardrailConfigError(
      `the DigitalOcean constructs need @cdktf/provider-digitalocean beside cdktf: npm install @cdktf/provider-digitalocean (its lib/${name} was not found)`,
    );
  }
}

const COPY_ENTRY = /[\\/]node_modules[\\/](cdktf|cdktn)[\\/]lib[\\/]index\.js$/;

/**
 * Every copy of cdktf or cdktn this process has loaded, ours first. The aspect form patches each: an app made
 * with another copy (both families in one process, or two versions of one) is then still checked, never
 * synthesized unchecked because its prototypes were not ours.
 */
export function loadedCdkCopies(): (typeof Cdktf)[] {
  const copies = new Set<typeof Cdktf>([cdk]);
  for (const [file, module] of Object.entries(require.cache)) {
    if (module?.loaded && COPY_ENTRY.test(file)) copies.add(module.exports as typeof Cdktf);
  }
  return [...copies];
}
