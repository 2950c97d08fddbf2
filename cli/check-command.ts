/**
 * `cdktf-guardrails check`: the same engine, rules and suppressions as synth, on files. Reads every input
 * (failing fast, exit 2, on anything unreadable), evaluates, writes one report, and turns the findings
 * into the exit code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { withLocations } from '../engine/with-locations';
import { withResourceFiles } from '../engine/with-resource-files';
import { evaluate } from '../engine/evaluate';
import { resolveOptions } from '../engine/options';
import { GuardrailInputError } from '../engine/input/input-error';
import { printable } from '../engine/printable';
import { loadInputs } from '../engine/input/load-inputs';
import { writeGithubReport } from '../engine/reports/github-report';
import { writeJsonReport } from '../engine/reports/json-report';
import { writeJunitReport } from '../engine/reports/junit-report';
import type { ReportInput } from '../engine/reports/report-input';
import { writeReportFile, batchingSink, type ReportSink } from '../engine/reports/report-sink';
import { writeSarifReport, sarifUploadNote } from '../engine/reports/sarif-report';
import { renderSummary } from '../engine/reports/summary';
import { writeTextReport } from '../engine/reports/text-report';
import { builtInRules } from '../rules';
import { TOOL_NAME, toolVersion } from '../engine/version';
import { parseCheckOptions, type CheckFormat } from './check-options';
import { wantsColor, type CliIo } from './io';
import { CliUsageError, EXIT_OK, EXIT_VIOLATIONS } from './usage-error';

export async function runCheck(paths: readonly string[], raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const options = parseCheckOptions(raw, builtInRules, io.cwd);
  // Options are checked before any file is read: a typo fails in milliseconds, not after a 50k-resource parse.
  const resolved = resolveOptions(options.guardrails, builtInRules, 'command line options');
  const inputs = paths.length > 0 ? paths : defaultInputs(io.cwd);
  const loaded = await loadInputs(inputs, {
    cwd: io.cwd,
    readStdin: () => io.readStdin(options.maxInputBytes),
    maxInputBytes: options.maxInputBytes,
    raiseCapWith: '--max-input-mb',
    // JUnit names no line: its resources are not placed.
    placeFindings: options.format !== 'junit',
    ...(options.config ? { config: options.config } : {}),
  });
  // Notes name files and directories: printed like every other name from the input (see printable).
  for (const note of loaded.notes) io.stderr.write(`${TOOL_NAME}: note: ${printable(note)}\n`);

  const evaluated = withResourceFiles(evaluate(loaded.stacks, resolved), loaded.resourceFiles);
  // Lines are found only for the formats that print them (JUnit names no line).
  const result = options.format === 'junit' ? evaluated : withLocations(evaluated, loaded.locate);
  const asWritten: ReportInput = { result, rules: builtInRules, toolVersion: toolVersion() };
  // --syntax cdktf: fix texts in cdktf's names (the translator and its table load only when asked for).
  const input = options.syntax === 'cdktf' ? (await import('../engine/docs/cdktf-fix')).withCdktfFixes(asWritten) : asWritten;
  const color = options.format === 'text' && options.output === undefined && wantsColor(io.stdout, io.env);
  const uploadNote = options.format === 'sarif' ? sarifUploadNote(result) : undefined;
  const write = (sink: ReportSink): void => writeReport(options.format, input, color, sink);

  if (options.output !== undefined) {
    const file = path.resolve(io.cwd, options.output);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeReportFile(file, write);
    } catch (error) {
      // The report is made while it is written: only the file system's errors are the output's fault.
      if (typeof (error as NodeJS.ErrnoException | undefined)?.syscall !== 'string') throw error;
      throw new GuardrailInputError(`--output ${options.output}`, `cannot be written (${(error as Error).message})`);
    }
    io.stderr.write(`${renderSummary(result, options.output)}\n`);
  } else {
    const sink = batchingSink((batch) => io.stdout.write(batch));
    write(sink);
    sink.flush();
  }
  if (uploadNote) io.stderr.write(`${TOOL_NAME}: note: ${uploadNote}\n`);

  const failing = options.failOn === 'warning' ? result.violations : result.violations.filter((v) => v.severity === 'error');
  return failing.length > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}

function defaultInputs(cwd: string): string[] {
  if (fs.existsSync(path.join(cwd, 'cdktf.out'))) return ['cdktf.out'];
  throw new CliUsageError('check: no PATH given and ./cdktf.out does not exist: pass a cdktf output dir, a *.tf.json file or dir, a plan JSON, or - for stdin');
}

/** The report in `format`, written to `sink` as it is made (see report-sink). */
function writeReport(format: CheckFormat, input: ReportInput, color: boolean, sink: ReportSink): void {
  switch (format) {
    case 'json':
      return writeJsonReport(input, sink);
    case 'sarif':
      return writeSarifReport(input, sink);
    case 'junit':
      return writeJunitReport(input, sink);
    case 'github':
      return writeGithubReport(input, sink);
    default:
      return writeTextReport(input, sink, { color });
  }
}
