/** Synthesize with every guardrail (strict, no suppression) and require a clean report: no error, warning or unknown. */
import type { App } from 'cdktf';
import { Guardrails } from '../../../aspects/guardrails';
import { readReport } from '../../helpers/app';

export function synthClean(app: App): void {
  Guardrails.enforce(app, { profile: 'strict' });
  let error: unknown;
  try {
    app.synth();
  } catch (e) {
    error = e;
  }
  expect(error === undefined ? 'synthesized' : String((error as Error).message)).toBe('synthesized');
  const report = readReport(app);
  expect(report.violations).toEqual([]);
  expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 0 });
}
