/** Writes report.json and report.sarif next to the synthesized stacks, and the summary on stderr. */
import * as fs from 'fs';
import * as path from 'path';
import type { EvaluationResult } from '../evaluate';
import type { RuleMetadata } from '../rule';
import { TOOL_NAME, toolVersion } from '../version';
import { writeJsonReport } from './json-report';
import { writeReportFile } from './report-sink';
import { writeSarifReport, sarifUploadNote } from './sarif-report';
import { renderSummary } from './summary';

export function writeReports(dir: string, result: EvaluationResult, rules: readonly RuleMetadata[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const input = { result, rules, toolVersion: toolVersion() };
  writeReportFile(path.join(dir, 'report.json'), (sink) => writeJsonReport(input, sink));
  writeReportFile(path.join(dir, 'report.sarif'), (sink) => writeSarifReport(input, sink));
  if (process.env.CDKTF_GUARDRAILS_QUIET === '1') return;
  process.stderr.write(`${renderSummary(result, dir)}\n`);
  const note = sarifUploadNote(result);
  if (note) process.stderr.write(`${TOOL_NAME}: note: ${note}\n`);
}
