/**
 * "Is there a resource in this stack that points at this one?" — the question the VPC rules (default security
 * group, flow logs) and the listener rules ask. An attribute that is an expression other than a plain
 * reference might point anywhere, so it makes the answer unknown rather than "no".
 */
import type { ResourceRecord } from '../../../engine/types';
import { ABSENT, describeExpression, isExpression, known, maybe, referencedAddress, type Value } from '../../../engine/values';

/**
 * The first of `candidates` whose `attribute` references `target` (e.g. an aws_flow_log whose vpc_id is
 * `${aws_vpc.main.id}`): known, unknown (why) when some candidate's attribute is an expression that may, or
 * absent when none does.
 */
export function stackReferenceTo(target: ResourceRecord, candidates: readonly ResourceRecord[], attribute: string): Value<ResourceRecord> {
  let unclear: string | undefined;
  for (const candidate of candidates) {
    const value = candidate.body[attribute];
    if (referencedAddress(value) === target.address) return known(candidate);
    if (isExpression(value) && referencedAddress(value) === undefined) {
      unclear ??= `${candidate.address}.${attribute} is ${describeExpression(value)}`;
    }
  }
  return unclear ? maybe(unclear) : ABSENT;
}

/** Candidates whose `attribute` is exactly the reference `${<expression>}` (e.g. `aws_vpc.main.default_security_group_id`). */
export function referencesTo(expression: string, candidates: readonly ResourceRecord[], attribute: string): ResourceRecord[] {
  const wanted = normalise(`\${${expression}}`);
  return candidates.filter((c) => typeof c.body[attribute] === 'string' && normalise(c.body[attribute] as string) === wanted);
}

/** `${aws_vpc.main[0].id}` and `${aws_vpc.main.id}` name the same resource attribute for our purposes. */
function normalise(expression: string): string {
  return expression.trim().replace(/\[[^\]]*\]/g, '');
}
