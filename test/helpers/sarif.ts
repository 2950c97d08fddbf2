/**
 * Validates a SARIF log the two ways code-scanning services do: against the official SARIF 2.1.0 JSON
 * schema (ajv + ajv-formats), and with Microsoft's SARIF Multitool `validate`, which adds the spec's
 * own rules (SARIF1xxx errors) on top of the schema.
 *
 * The schema shipped with the Multitool declares JSON Schema 2020-12, so it is compiled with Ajv2020 (it
 * uses only keywords that mean the same in draft-07). The Multitool exits 0 even when it finds errors, so
 * its verdict is read from the SARIF log it writes (`-o`): results with level `error`. When the binary
 * cannot run here, that half is skipped with a console.warn saying why; the schema half always runs.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

const PACKAGE_DIR = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const SCHEMA_FILE = path.join(PACKAGE_DIR, 'sarif-2.1.0.json');
const MULTITOOL = path.join(PACKAGE_DIR, 'Sarif.Multitool');

export interface SarifValidation {
  /** Schema errors, as `instancePath: message`. */
  readonly schemaErrors: readonly string[];
  /** Multitool errors (`RULE: message`); empty when it ran clean or was skipped. */
  readonly multitoolErrors: readonly string[];
  /** Multitool warnings (style advice such as SARIF2005), for information. */
  readonly multitoolWarnings: readonly string[];
  /** Why the Multitool part did not run, if it did not. */
  readonly multitoolSkipped?: string;
}

let schemaValidator: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!schemaValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    schemaValidator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return schemaValidator;
}

/** Validate SARIF text; look at `schemaErrors` and `multitoolErrors` (both must be empty). */
export function validateSarif(text: string): SarifValidation {
  const validate = validator();
  let schemaErrors: string[];
  try {
    schemaErrors = validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
  } catch (error) {
    schemaErrors = [`not JSON: ${(error as Error).message}`];
  }
  return { schemaErrors, ...runMultitool(text) };
}

/** Both validators agree the log is valid; throws with every error otherwise (for `expect(() => …)`). */
export function assertValidSarif(text: string): SarifValidation {
  const result = validateSarif(text);
  const errors = [...result.schemaErrors.map((e) => `schema ${e}`), ...result.multitoolErrors.map((e) => `multitool ${e}`)];
  if (errors.length > 0) throw new Error(`invalid SARIF:\n  ${errors.join('\n  ')}`);
  return result;
}

let multitoolProblem: string | undefined;
let warned = false;

function runMultitool(text: string): Pick<SarifValidation, 'multitoolErrors' | 'multitoolWarnings' | 'multitoolSkipped'> {
  const skipped = (reason: string): Pick<SarifValidation, 'multitoolErrors' | 'multitoolWarnings' | 'multitoolSkipped'> => {
    multitoolProblem = reason;
    if (!warned) {
      warned = true;
      console.warn(`[SARIF Multitool validation skipped] ${reason}; the schema validation still ran`);
    }
    return { multitoolErrors: [], multitoolWarnings: [], multitoolSkipped: reason };
  };
  if (multitoolProblem) return skipped(multitoolProblem);
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return skipped(`the Multitool binary is linux-x64 only (this is ${process.platform}-${process.arch})`);
  if (!fs.existsSync(MULTITOOL)) return skipped(`${MULTITOOL} is not installed`);
  try {
    // npm may hold back the package's install script, which only sets the run bit.
    fs.accessSync(MULTITOOL, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(MULTITOOL, 0o755);
    } catch (error) {
      return skipped(`${MULTITOOL} is not executable and chmod failed (${(error as Error).message})`);
    }
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-validate-'));
  try {
    const input = path.join(dir, 'input.sarif');
    const output = path.join(dir, 'validation.sarif');
    fs.writeFileSync(input, text);
    const run = spawnSync(MULTITOOL, ['validate', input, '-o', output, '--log', 'ForceOverwrite', '-q'], {
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    if (run.error) return skipped(`the Multitool did not run (${run.error.message})`);
    if (!fs.existsSync(output)) {
      return skipped(`the Multitool wrote no result (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n')[0]}`);
    }
    const log = JSON.parse(fs.readFileSync(output, 'utf8')) as {
      runs?: {
        results?: { level?: string; ruleId?: string; message?: { text?: string; id?: string; arguments?: string[] } }[];
        invocations?: { executionSuccessful?: boolean }[];
      }[];
    };
    const run0 = log.runs?.[0];
    if (run0?.invocations?.some((i) => i.executionSuccessful === false)) {
      return { multitoolErrors: ['the Multitool reported an unsuccessful run'], multitoolWarnings: [] };
    }
    const describe = (r: { ruleId?: string; message?: { text?: string; id?: string; arguments?: string[] } }): string =>
      `${r.ruleId ?? '?'}: ${r.message?.text ?? `${r.message?.id ?? ''} ${(r.message?.arguments ?? []).join(' | ')}`}`;
    const results = run0?.results ?? [];
    // SARIF's default level is `warning`.
    return {
      multitoolErrors: results.filter((r) => r.level === 'error').map(describe),
      multitoolWarnings: results.filter((r) => r.level === undefined || r.level === 'warning').map(describe),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
