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
import type { ResourceRecord, StackDocument } from '../../engine/types';

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

describe('evaluate: what a check returns, described', () => {
  test.each([
    ['a null status', { status: null, message: 'm' }, 'status null'],
    ['an object status', { status: { s: 1 }, message: 'm' }, 'status an object'],
    ['an array status', { status: ['violation'], message: 'm' }, 'status an array'],
    ['a null result in a list', [null], 'null is not a result object'],
    ['an array result in a list', [[violation('x')]], 'an array is not a result object'],
  ])('%s is named in the rule-error', (_what, output, detail) => {
    const [finding] = run([returning('odd-rule', output)]).violations;
    expect(finding.kind).toBe('rule-error');
    expect(finding.message).toContain(`(${detail})`);
  });
});

describe('evaluate: the audit beside the findings', () => {
  const volumeRule = returning('volume-rule', violation('x'));
  // A pattern rule runs on every aws_ type but names none exactly: it is not coverage.
  const anyAws = defineRule({ ...base, id: 'any-aws', resourceTypes: ['aws_*'], check: () => pass('fine') });
  const resolved = resolveOptions(
    {
      profile: 'strict',
      customRules: [volumeRule, anyAws],
      rules: Object.fromEntries(builtInRules.map((r) => [r.id, 'off'])),
      approvedModules: [
        { source: 'terraform-aws-modules/vpc/aws', version: '5.8.1', reason: 'reviewed by the network team' },
        { source: './modules/local', reason: 'our own module, reviewed in this repository' },
      ],
    },
    builtInRules,
  );
  const record = (type: string, name: string, mode: 'managed' | 'data' | 'module', body: Record<string, unknown> = {}): ResourceRecord => ({
    type,
    name,
    address: mode === 'module' ? `module.${name}` : `${mode === 'data' ? 'data.' : ''}${type}.${name}`,
    mode,
    body,
    constructPath: `app/${name}`,
    ownedByConstruct: true,
  });
  const stack = (name: string, resources: ResourceRecord[], more: Partial<StackDocument> = {}): StackDocument => ({
    name,
    resources,
    providers: [],
    suppressions: [],
    source: 'config',
    ...more,
  });

  test('module calls an approval covers are listed with the approval; other calls and resources are not', () => {
    const result = evaluate(
      [
        stack('net', [
          record('module', 'vpc', 'module', { source: 'terraform-aws-modules/vpc/aws', version: '5.8.1' }),
          record('module', 'old', 'module', { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' }),
          record('module', 'mine', 'module', { source: './modules/local' }),
          // A resource whose body happens to look like an approved call is not a module call.
          record('aws_thing', 'lookalike', 'managed', { source: 'terraform-aws-modules/vpc/aws', version: '5.8.1' }),
        ]),
      ],
      resolved,
    );
    expect(result.approvedModules).toEqual([
      {
        stack: 'net',
        address: 'module.vpc',
        constructPath: 'app/vpc',
        source: 'terraform-aws-modules/vpc/aws',
        version: '5.8.1',
        reason: 'reviewed by the network team',
      },
      { stack: 'net', address: 'module.mine', constructPath: 'app/mine', source: './modules/local', reason: 'our own module, reviewed in this repository' },
    ]);
    expect(evaluate([stack('empty', [])], resolved).approvedModules).toEqual([]);
  });

  test('uncovered types: managed resources no active rule names exactly, counted per type with their stacks, sorted', () => {
    const result = evaluate(
      [
        stack('zeta', [record('zz_thing', 'a', 'managed'), record('aws_ebs_volume', 'v', 'managed'), record('aws_other', 'o', 'managed')]),
        stack('alpha', [
          record('zz_thing', 'b', 'managed'),
          record('zz_thing', 'c', 'managed'),
          record('aa_thing', 'd', 'managed'),
          record('bb_thing', 'gone', 'managed', { count: 0 }),
          record('cc_thing', 'data', 'data'),
          record('module', 'call', 'module', { source: 'x/y/z', version: '1.0.0' }),
        ]),
      ],
      resolved,
    );
    expect(result.uncoveredTypes).toEqual([
      { type: 'aa_thing', count: 1, stacks: ['alpha'] },
      { type: 'aws_other', count: 1, stacks: ['zeta'] },
      { type: 'zz_thing', count: 3, stacks: ['alpha', 'zeta'] },
    ]);
  });

  test('data sources and resources that create nothing are neither checked nor counted; the rest are', () => {
    const result = evaluate(
      [
        stack('s', [
          record('aws_ebs_volume', 'real', 'managed'),
          record('aws_ebs_volume', 'lookup', 'data'),
          record('aws_ebs_volume', 'none', 'managed', { count: 0 }),
          record('aws_ebs_volume', 'two', 'managed', { count: 2 }),
        ]),
      ],
      resolved,
    );
    expect(result.violations.map((v) => v.address)).toEqual(['aws_ebs_volume.real', 'aws_ebs_volume.two']);
    expect(result.resourcesChecked).toBe(2);
  });

  test('each stack is summarised, and its file is on every finding from it', () => {
    const result = evaluate(
      [
        stack('from-file', [record('aws_ebs_volume', 'v', 'managed')], { file: 'cdktf.out/stacks/a/cdk.tf.json' }),
        stack('from-plan', [record('aws_ebs_volume', 'w', 'managed'), record('aws_x', 'x', 'managed')], { source: 'plan' }),
      ],
      resolved,
    );
    expect(result.stacks).toEqual([
      { name: 'from-file', file: 'cdktf.out/stacks/a/cdk.tf.json', resources: 1, source: 'config' },
      { name: 'from-plan', file: undefined, resources: 2, source: 'plan' },
    ]);
    const [withFile, withoutFile] = result.violations;
    expect(withFile.file).toBe('cdktf.out/stacks/a/cdk.tf.json');
    expect(withoutFile).not.toHaveProperty('file');
  });

  test('malformed suppression records are listed as invalid, with their stack and problem, and suppress nothing', () => {
    const good = { ruleId: 'volume-rule', scope: 'app/kept', reason: 'reviewed: a fixture' };
    const badScope = { ruleId: 'volume-rule', scope: 42, reason: 'reviewed: a fixture' };
    const tooShort = { ruleId: 'volume-rule', scope: 'app', reason: 'short' };
    const refused = { record: { ruleId: 'volume-rule', scope: 'app' }, problem: 'not made by Guardrails.suppress' };
    const result = evaluate(
      [
        stack('s', [record('aws_ebs_volume', 'kept', 'managed'), record('aws_ebs_volume', '42', 'managed')], {
          suppressions: [null, badScope, tooShort, good] as never,
          rejectedSuppressions: [refused],
        }),
      ],
      resolved,
    );
    expect(result.invalidSuppressions).toEqual([
      { stack: 's', ...refused },
      { stack: 's', record: null, problem: 'scope must be a construct path string' },
      { stack: 's', record: badScope, problem: 'scope must be a construct path string' },
      { stack: 's', record: tooShort, problem: expect.stringMatching(/at least 10 characters/) },
    ]);
    expect(result.suppressed.map((s) => s.violation.address)).toEqual(['aws_ebs_volume.kept']);
    expect(result.violations.map((v) => v.address)).toEqual(['aws_ebs_volume.42']);
  });
});
