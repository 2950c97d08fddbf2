/**
 * Turning a policy and a statement test into check results: one violation per statement that certainly
 * does the forbidden thing, one unknown per statement that might, and unknown (never pass) when part of
 * the policy cannot be read.
 */
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import type { PolicyRead, PolicyStatement } from './document';
import type { Answer } from '../../../engine/values';

/**
 * @param attribute where the policy is, for messages (`policy`, `inline_policy[0].policy`)
 * @param test whether a statement does the forbidden thing
 * @param what the forbidden thing as a predicate, e.g. `allows every action on every resource`
 */
export function forbidStatements(read: PolicyRead, attribute: string, test: (s: PolicyStatement) => Answer, what: string): CheckResult[] {
  if (read.state === 'absent') return [];
  if (read.state === 'unknown') return [unknown(`${attribute} ${read.reason}`, attribute)];
  const results: CheckResult[] = [];
  for (const statement of read.statements) {
    const answer = test(statement);
    if (answer.state === 'known' && answer.value) {
      const dynamic = statement.dynamic ? ' (for every element of its dynamic block)' : '';
      results.push(violation(`${attribute}: ${statement.where} ${what}${dynamic}`, attribute));
    } else if (answer.state === 'unknown') {
      results.push(unknown(`${attribute}: whether ${statement.where} ${what} depends on ${answer.expression}`, attribute));
    }
  }
  if (results.length === 0 && read.unseen.length > 0) {
    results.push(unknown(`${attribute}: not every statement can be read (${read.unseen[0]}), and one of them may be one that ${what}`, attribute));
  }
  if (results.length === 0) results.push(pass(`${attribute}: no statement ${what}`, attribute));
  return results;
}
