/**
 * `check`'s command-line options → engine options. commander has already checked the fixed choices
 * (format, profile, levels); this checks what it cannot (rule ids, dates) and names the option in errors.
 */
import { isIsoDate, suggest } from '../engine/config-error';
import type { GuardrailOptions } from '../engine/options';
import type { RuleLevel, Severity } from '../engine/types';
import type { Rule } from '../engine/rule';
import { DEFAULT_MAX_INPUT_BYTES, MAX_INPUT_BYTES_LIMIT } from '../engine/input/read-json';
import * as path from 'path';
import type { ApprovedModule } from '../engine/approved-modules';
import { GuardrailInputError } from '../engine/input/input-error';
import { parseJsonText, readRegularFile } from '../engine/input/read-json';
import { CliUsageError } from './usage-error';
import type { CHECK_FORMATS } from './run';
import type { Syntax } from '../engine/docs/cdktf-fix';

export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly failOn: Severity;
  readonly config?: string;
  /** The input size cap in bytes. */
  readonly maxInputBytes: number;
  /** Whose names the reports' fix texts use: Terraform's as written (`hcl`) or cdktf's. */
  readonly syntax: Syntax;
  readonly guardrails: GuardrailOptions;
}

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'off'];

export function parseCheckOptions(raw: Record<string, unknown>, catalog: readonly Rule[], cwd: string = process.cwd()): CheckOptions {
  const rules: Record<string, RuleLevel> = {};
  const ids = catalog.map((r) => r.id);
  for (const spec of (raw.rule as string[] | undefined) ?? []) {
    const match = /^([^=]*)=(.*)$/.exec(spec);
    if (!match) throw new CliUsageError(`--rule '${spec}': expected RULE_ID=error|warning|off`);
    const id = match[1].trim();
    const level = match[2].trim() as RuleLevel;
    if (!ids.includes(id)) {
      throw new CliUsageError(`--rule '${spec}': unknown rule id '${id}'${suggest(id, ids)} (run \`cdktf-guardrails rules\` for the list)`);
    }
    if (!LEVELS.includes(level)) throw new CliUsageError(`--rule '${spec}': level must be error, warning or off, got '${level}'`);
    rules[id] = level; // the last one given for a rule wins, as with most CLIs
  }
  const today = raw.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new CliUsageError(`--today '${today}': expected a date YYYY-MM-DD`);
  const requiredTags = raw.requiredTags as string | undefined;
  const approvedModules = raw.approvedModules === undefined ? undefined : readApprovals(String(raw.approvedModules), cwd);
  const guardrails: GuardrailOptions = {
    ...(raw.profile !== undefined ? { profile: raw.profile as GuardrailOptions['profile'] } : {}),
    ...(raw.unknownValues !== undefined ? { unknownValues: raw.unknownValues as Severity } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(requiredTags !== undefined
      ? {
          requiredTags: requiredTags
            .split(',')
            .map((t) => t.trim())
            .filter((t) => t !== ''),
        }
      : {}),
    ...(today !== undefined ? { today } : {}),
    ...(approvedModules !== undefined ? { approvedModules } : {}),
  };
  return {
    format: (raw.format as CheckFormat | undefined) ?? 'text',
    ...(typeof raw.output === 'string' ? { output: raw.output } : {}),
    failOn: (raw.failOn as Severity | undefined) ?? 'error',
    ...(typeof raw.config === 'string' ? { config: raw.config } : {}),
    maxInputBytes: parseInputCap(raw.maxInputMb),
    syntax: (raw.syntax as Syntax | undefined) ?? 'hcl',
    guardrails,
  };
}

/** `--max-input-mb`: a positive number of MiB, at most what one JSON text can be held as. */
function parseInputCap(raw: unknown): number {
  if (raw === undefined) return DEFAULT_MAX_INPUT_BYTES;
  const mib = Number(raw);
  const limit = MAX_INPUT_BYTES_LIMIT / (1024 * 1024);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(mib) || mib <= 0) {
    throw new CliUsageError(`--max-input-mb '${String(raw)}': expected a positive number of MiB (at most ${limit})`);
  }
  if (mib > limit) throw new CliUsageError(`--max-input-mb '${raw}': at most ${limit} MiB (a larger JSON text cannot be held in memory as one string)`);
  return Math.floor(mib * 1024 * 1024);
}

/** `--approved-modules FILE`: the JSON list of reviewed modules (validated with the other options). */
function readApprovals(file: string, cwd: string): ApprovedModule[] {
  const label = `--approved-modules ${file}`;
  const doc = parseJsonText(readRegularFile(path.resolve(cwd, file), label), label);
  if (!Array.isArray(doc)) throw new GuardrailInputError(label, 'expected a JSON array of { "source", "version", "reason" }');
  return doc as ApprovedModule[];
}
