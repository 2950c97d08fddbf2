/** Runs a rule's documented examples: the failing one must be reported, the passing one must not. */
import type { Rule } from '../../../aspects/engine/rule';
import type { Violation } from '../../../aspects/engine/types';
import { findings } from '../../helpers/rule-harness';

/** Findings on a rule's example resource (named `example`, as the metadata's docs say). */
export function exampleFindings(rule: Rule, which: 'failing' | 'passing'): Violation[] {
  const example = rule.examples?.[which];
  if (!example) throw new Error(`rule ${rule.id} has no ${which} example`);
  const others = example.others ?? {};
  const resource = { ...others, [example.resourceType]: { ...(others[example.resourceType] ?? {}), example: example.body } };
  return findings(rule, { resource }).filter((v) => v.address === `${example.resourceType}.example`);
}

export function describeExamples(rule: Rule): void {
  test('its failing example is reported and its passing example is not', () => {
    expect(exampleFindings(rule, 'failing').map((v) => v.kind)).toContain('violation');
    expect(exampleFindings(rule, 'passing')).toEqual([]);
  });
}
