/**
 * Real terraform, offline: finds the terraform binary and the local filesystem mirror of the AWS provider
 * (env var TF_PROVIDER_MIRROR first, then a search of the usual places), writes a CLI config that installs
 * providers only from that mirror, and runs init / validate / plan / show -json in a synthesized stack dir.
 * When either is missing, `terraformSetup()` returns the reason, and tests skip saying so.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TerraformSetup {
  readonly terraform: string;
  readonly mirror: string;
  readonly env: NodeJS.ProcessEnv;
}

let cached: TerraformSetup | string | undefined;

/** The setup, or a string saying why terraform tests cannot run here. */
export function terraformSetup(): TerraformSetup | string {
  if (cached !== undefined) return cached;
  cached = findSetup();
  return cached;
}

function findSetup(): TerraformSetup | string {
  const which = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  const terraform = which.stdout.trim();
  if (which.status !== 0 || !terraform) return 'terraform is not on PATH';
  const mirror = findMirror();
  if (!mirror) return 'no local mirror of hashicorp/aws (set TF_PROVIDER_MIRROR to the directory holding registry.terraform.io/)';
  // The AWS provider version the installed bindings write into required_providers (AWS 5 from
  // @cdktf/provider-aws, 6 when the suite runs on cdktn's): the mirror must hold exactly that one.
  const bindings = require('@cdktf/provider-aws/package.json') as { cdktf?: { provider?: { version?: string } }; cdktn?: { provider?: { version?: string } } };
  const wanted = (bindings.cdktf ?? bindings.cdktn)?.provider?.version;
  const mirrored = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  if (wanted && !fs.existsSync(path.join(mirrored, wanted))) {
    return `the mirror holds hashicorp/aws ${fs.readdirSync(mirrored).join(', ')}, and the AWS bindings in use synthesize ${wanted}`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-cli-'));
  const config = path.join(dir, 'terraformrc');
  fs.writeFileSync(
    config,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n`,
  );
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: config,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-offline-plan',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return { terraform, mirror, env };
}

function findMirror(): string | undefined {
  const fromEnv = process.env.TF_PROVIDER_MIRROR;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'registry.terraform.io', 'hashicorp', 'aws'))) return fromEnv;
  for (const candidate of ['/opt/tf-plugins', '/usr/share/terraform/plugins', path.join(os.homedir(), '.terraform.d', 'plugins')]) {
    if (fs.existsSync(path.join(candidate, 'registry.terraform.io', 'hashicorp', 'aws'))) return candidate;
  }
  try {
    const found = execFileSync('sh', ['-c', "find / -name 'terraform-provider-aws*' -not -path '/proc/*' 2>/dev/null | head -1"], {
      encoding: 'utf8',
      timeout: 60000,
    }).trim();
    // …/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_…
    const marker = `${path.sep}registry.terraform.io${path.sep}`;
    const at = found.indexOf(marker);
    return at > 0 ? found.slice(0, at) : undefined;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run terraform in `dir`; throws with terraform's own output when it fails and `check` is set. */
export function terraform(setup: TerraformSetup, dir: string, args: string[], check = true): RunResult {
  const r = spawnSync(setup.terraform, args, { cwd: dir, env: setup.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const result = { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (check && result.status !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed in ${dir} (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  return result;
}

/** init + validate + plan + show -json; returns the plan JSON. */
export function initValidatePlan(setup: TerraformSetup, dir: string): unknown {
  terraform(setup, dir, ['init', '-no-color']);
  terraform(setup, dir, ['validate', '-no-color']);
  terraform(setup, dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out=tfplan']);
  return JSON.parse(terraform(setup, dir, ['show', '-json', 'tfplan']).stdout);
}

/** `describe` or `describe.skip` with a console message saying why. */
export function describeWithTerraform(name: string, fn: (setup: () => TerraformSetup) => void): void {
  const setup = terraformSetup();
  if (typeof setup === 'string') {
    describe(name, () => {
      test.skip(`skipped: ${setup}`, () => undefined);
      console.warn(`[terraform tests skipped] ${name}: ${setup}`);
    });
    return;
  }
  describe(name, () => fn(() => setup));
}
