/** A report written to a sink (engine/reports/report-sink), gathered into one string for a test to read. */
import type { ReportSink } from '../../engine/reports/report-sink';

export function collect(render: (sink: ReportSink) => void): string {
  const parts: string[] = [];
  render({ write: (text) => parts.push(text) });
  return parts.join('');
}
