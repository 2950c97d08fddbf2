/**
 * The engine's contract with checks: whatever a check returns, it is either a result the engine understands
 * or a `rule-error` finding naming the rule. Nothing a check does makes a resource pass silently.
 */
import { evaluate, createsNothing } from '../../engine/evaluate';
import { resolveOptions, type GuardrailOptions } from '../../engine/options';
import { defineRule, type Rule } from '../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../engine/results';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { builtInRules } from '../../rules';

const base = {
  title: 'A test rule',
  severity: 'error' as const,
  resourceTypes: ['aws_ebs_volume'],
  rationale: 'Testing the engine.',
  fix: 'Nothing.',
};

/** Findings of the given custom rules alone (every built-in rule off) on one aws_ebs_volume. */
function run(rules: readonly Rule[], body: Record<string, unknown> = { size: 1 }, options: GuardrailOptions = {}, source: 'config' | 'plan' = 'config') {
  const resolved = resolveOptions(
    { profile: 'strict', ...options, customRules: rules, rules: { ...Object.fromEntries(builtInRules.map((r) => [r.id, 'off'])), ...(options.rules ?? {}) } },
    builtInRules,
  );
  const stack = { ...stackFromTerraformJson({ resource: { aws_ebs_volume: { v: body } } }, { stack: 's' }), source };
  return evaluate([stack], resolved);
}

const returning = (id: string, output: unknown) => defineRule({ ...base, id, check: () => output as never });

describe('evaluate: what a check returns', () => {
  test.each([
    ['a status the engine does not know', { status: 'fail', message: 'x' }, /status "fail"/],
    ['the internal rule-error status', { status: 'rule-error', message: 'x' }, /status "rule-error"/],
    ['a result without a status', { message: 'x' }, /status undefined/],
    ['a result without a message', { status: 'violation' }, /message undefined/],
    ['a message that is not a string', { status: 'violation', message: 42 }, /message 42/],
    ['an attribute that is not a string', { status: 'violation', message: 'x', attribute: 3 }, /attribute 3/],
    ['a string', 'violation', /"violation" is not a result object/],
    ['a number', 0, /0 is not a result object/],
    ['a boolean', false, /false is not a result object/],
    ['a function', () => 1, /is not a result object/],
    ['a long unknown status, shortened', { status: 'x'.repeat(50), message: 'm' }, new RegExp(`status "${'x'.repeat(39)}…"\\)`)],
    ['a 40-character status, whole', { status: 'y'.repeat(40), message: 'm' }, new RegExp(`status "${'y'.repeat(40)}"\\)`)],
  ])('%s is a rule-error finding naming the rule', (_what, output, detail) => {
    const result = run([returning('odd-rule', output)]);
    expect(result.violations).toHaveLength(1);
    const [finding] = result.violations;
    expect(finding).toMatchObject({ ruleId: 'odd-rule', kind: 'rule-error', severity: 'error', address: 'aws_ebs_volume.v' });
    expect(finding.message).toMatch(/^rule 'odd-rule' returned a result the engine does not understand/);
    expect(finding.message).toMatch(detail);
  });

  test('a list: each element is checked on its own, and the well-formed ones still count', () => {
    const result = run([returning('mixed-rule', [violation('bad', 'size'), { status: 'maybe', message: 'x' }, pass('ok'), null, [unknown('nested')]])]);
    expect(result.violations.map((v) => [v.kind, v.message.replace(/ \(.*$/, '')])).toEqual([
      ['violation', 'bad'],
      ['rule-error', "rule 'mixed-rule' returned a result [1] the engine does not understand"],
      ['rule-error', "rule 'mixed-rule' returned a result [3] the engine does not understand"],
      ['rule-error', "rule 'mixed-rule' returned a result [4] the engine does not understand"],
    ]);
    expect(result.violations[0].attribute).toBe('size');
  });

  test('nothing (undefined, null, an empty list), pass and not-applicable produce no finding', () => {
    for (const output of [undefined, null, [], pass('fine'), notApplicable('n/a'), [pass('a'), notApplicable('b')]]) {
      expect(run([returning('quiet-rule', output)]).violations).toEqual([]);
    }
  });

  test('a check that throws (an Error or anything else) is a rule-error naming the rule; other rules still run', () => {
    const throwsError = defineRule({
      ...base,
      id: 'throws-error',
      check: () => {
        throw new Error('boom');
      },
    });
    const throwsString = defineRule({
      ...base,
      id: 'throws-string',
      check: () => {
        throw 'bang';
      },
    });
    const fine = returning('fine-rule', violation('too big'));
    const result = run([throwsError, throwsString, fine]);
    expect(result.violations.map((v) => [v.ruleId, v.kind, v.message])).toEqual([
      ['throws-error', 'rule-error', "rule 'throws-error' failed on this resource: boom"],
      ['throws-string', 'rule-error', "rule 'throws-string' failed on this resource: bang"],
      ['fine-rule', 'violation', 'too big'],
    ]);
  });
});

describe('evaluate: findings', () => {
  test('an unknown is reported as "cannot be verified", at synth or before apply, at the lower of the two levels', () => {
    const rule = returning('unknown-rule', unknown('size is ${var.size}', 'size'));
    const [atSynth] = run([rule]).violations;
    expect(atSynth).toMatchObject({ kind: 'unknown', severity: 'error', attribute: 'size', message: 'cannot be verified at synth time: size is ${var.size}' });
    expect(run([rule], {}, {}, 'plan').violations[0].message).toBe('cannot be verified before apply: size is ${var.size}');
    expect(run([rule], {}, { unknownValues: 'warning' }).violations[0].severity).toBe('warning');
    expect(run([rule], {}, { rules: { 'unknown-rule': 'warning' } }).violations[0].severity).toBe('warning');
    // A violation's level is the rule's, whatever unknownValues says.
    expect(run([returning('v-rule', violation('x'))], {}, { unknownValues: 'warning' }).violations[0].severity).toBe('error');
  });

  test("a finding without an attribute has none; the fix is the rule's", () => {
    const [finding] = run([returning('plain-rule', violation('x'))]).violations;
    expect(finding).not.toHaveProperty('attribute');
    expect(finding.fix).toBe(base.fix);
  });

  test('resources that create nothing are not checked, and do not count', () => {
    const rule = returning('any-rule', violation('x'));
    for (const body of [{ count: 0 }, { count: '0' }, { for_each: [] }, { for_each: {} }]) {
      const result = run([rule], body);
      expect(result.violations).toEqual([]);
      expect(result.resourcesChecked).toBe(0);
    }
    for (const body of [{ count: 1 }, { count: '${var.n}' }, { for_each: ['a'] }, { for_each: { a: 1 } }, { for_each: '${var.m}' }]) {
      expect(run([rule], body).violations).toHaveLength(1);
    }
  });

  test('createsNothing', () => {
    const at = (body: Record<string, unknown>) =>
      createsNothing({ type: 't', name: 'n', address: 't.n', mode: 'managed', body, constructPath: 's', ownedByConstruct: false });
    expect([{ count: 0 }, { count: '0' }, { for_each: [] }, { for_each: {} }].map(at)).toEqual([true, true, true, true]);
    expect([{}, { count: 2 }, { for_each: ['x'] }, { for_each: { a: 1 } }, { for_each: '${var.x}' }, { for_each: null }].map(at)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
