import type { EvaluationResult } from './evaluate';

/**
 * A stack read from a directory of several files: each finding names the file its resource is written
 * in (`files`: stack name → address → file), so reports and annotations point at the right file.
 */
export function withResourceFiles(result: EvaluationResult, files: ReadonlyMap<string, ReadonlyMap<string, string>>): EvaluationResult {
  if (files.size === 0) return result;
  const fileOf = <T extends { stack: string; address: string }>(v: T): T => {
    const file = files.get(v.stack)?.get(v.address);
    return file === undefined ? v : { ...v, file };
  };
  return {
    ...result,
    violations: result.violations.map(fileOf),
    suppressed: result.suppressed.map((s) => ({ ...s, violation: fileOf(s.violation) })),
  };
}
