/** A rule's documented examples, run: the failing one must be reported, the passing one must not. */
import type { Rule } from '../../engine/rule';
import type { Violation } from '../../engine/types';
import { findings } from './rule-harness';

/** Findings on the resource named `example` when the rule's failing or passing example is evaluated. */
export function exampleFindings(rule: Rule, which: 'failing' | 'passing'): Violation[] {
  const example = rule.examples?.[which];
  if (!example) throw new Error(`rule ${rule.id} has no ${which} example`);
  const others = example.others ?? {};
  const resource = { ...others, [example.resourceType]: { ...(others[example.resourceType] ?? {}), example: example.body } };
  return findings(rule, { resource }).filter((v) => v.address === `${example.resourceType}.example`);
}

/** The test every rule file starts with: its failing example fails, its passing example passes. */
export function itHonoursItsExamples(rule: Rule): void {
  it('fires on its failing example and stays quiet on its passing example', () => {
    expect(exampleFindings(rule, 'failing').map((v) => v.kind)).toContain('violation');
    expect(exampleFindings(rule, 'passing')).toEqual([]);
  });
}
