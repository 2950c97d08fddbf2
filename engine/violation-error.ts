import type { Violation } from './types';
import { noCommandLines, printable } from './printable';

/**
 * Thrown when synth is refused: its message lists every error-level finding in every stack (rule, construct
 * path, address, what is wrong and how to fix it); `violations` holds them as data.
 */
export class GuardrailViolationError extends Error {
  /** Every error-level finding, as data. */
  declare readonly violations: readonly Violation[];

  /** Where the refused stacks' output was kept (never read by Terraform there), to inspect or check. */
  declare readonly refusedOutput: readonly string[];

  constructor(violations: readonly Violation[], reportPath?: string, refusedOutput: readonly string[] = []) {
    super(formatRefusal(violations, reportPath, refusedOutput));
    // Not enumerable: an uncaught refusal is printed by Node as its message once, not again as data.
    Object.defineProperty(this, 'violations', { value: violations, enumerable: false });
    Object.defineProperty(this, 'refusedOutput', { value: refusedOutput, enumerable: false });
    Object.defineProperty(this, 'name', { value: 'GuardrailViolationError', enumerable: false, writable: true, configurable: true });
  }
}

function formatRefusal(violations: readonly Violation[], reportPath?: string, refusedOutput: readonly string[] = []): string {
  const stacks = new Set(violations.map((v) => v.stack));
  const lines = [
    `cdktf-guardrails refused to synthesize: ${violations.length} guardrail violation${violations.length === 1 ? '' : 's'} in ${stacks.size} stack${stacks.size === 1 ? '' : 's'}.`,
  ];
  for (const v of violations) {
    lines.push('');
    // Names and messages come from the configuration: escaped, so each stays on its line (see printable).
    lines.push(`[${printable(v.ruleId)}] ${printable(v.stack)} ${printable(v.address)}${v.kind === 'unknown' ? ' (unknown value)' : ''}`);
    lines.push(`  construct: ${printable(v.constructPath)}`);
    lines.push(`  problem:   ${printable(v.message)}`);
    lines.push(`  fix:       ${printable(v.fix)}`);
  }
  if (reportPath) lines.push('', `Full report: ${printable(reportPath)}`);
  if (refusedOutput.length > 0)
    lines.push(`Refused output (Terraform does not read it there; \`cdktf-guardrails check <dir>\` does): ${refusedOutput.map(printable).join(', ')}`);
  return noCommandLines(lines.join('\n'));
}
