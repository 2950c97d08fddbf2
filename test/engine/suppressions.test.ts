/**
 * Suppressions pinned by behaviour: a suppression silences exactly one rule, in exactly its scope (and
 * address, when it names one), until exactly its expiry day. Each test fails if any one of those
 * comparisons is dropped or inverted (mutation testing found that none did before).
 */
import { defineRule, violation } from '../../index';
import { evaluate } from '../../engine/evaluate';
import { resolveOptions } from '../../engine/options';
import { GuardrailConfigError } from '../../engine/config-error';
import { findSuppression, isExpired, scopeCovers, suppressionProblem, validateSuppression, MIN_REASON_LENGTH } from '../../engine/suppressions';
import type { ResourceRecord, StackDocument, SuppressionRecord } from '../../engine/types';

const alwaysFires = (id: string) =>
  defineRule({
    id,
    title: `${id} fires`,
    severity: 'error',
    resourceTypes: ['test_thing'],
    rationale: 'for tests',
    fix: 'none',
    check: () => violation(`${id} fired`),
  });

const A = alwaysFires('rule-a');
const B = alwaysFires('rule-b');
const options = resolveOptions({ customRules: [A, B], rules: Object.fromEntries([]) }, []);

function thing(name: string, constructPath: string): ResourceRecord {
  return { type: 'test_thing', name, address: `test_thing.${name}`, mode: 'managed', body: {}, constructPath, ownedByConstruct: true };
}

function run(suppressions: SuppressionRecord[], resources = [thing('one', 'app/team/one'), thing('two', 'app/team/two'), thing('other', 'app/teammate/x')]) {
  const stack: StackDocument = { name: 'app', resources, providers: [], suppressions, source: 'config' };
  const result = evaluate([stack], { ...options, today: '2026-06-15' });
  return {
    reported: result.violations.map((v) => `${v.ruleId} ${v.address} ${v.kind}`).sort(),
    suppressed: result.suppressed.map((s) => `${s.violation.ruleId} ${s.violation.address}`).sort(),
  };
}

const reason = 'reviewed: not applicable here';

describe('a suppression silences exactly its rule', () => {
  test('suppressing rule-a leaves rule-b reported on the same resources', () => {
    const { reported, suppressed } = run([{ ruleId: 'rule-a', scope: 'app/team/one', reason }]);
    expect(suppressed).toEqual(['rule-a test_thing.one']);
    expect(reported).toEqual([
      'rule-a test_thing.other violation',
      'rule-a test_thing.two violation',
      'rule-b test_thing.one violation',
      'rule-b test_thing.other violation',
      'rule-b test_thing.two violation',
    ]);
  });

  test('findSuppression never matches another rule id', () => {
    const s: SuppressionRecord = { ruleId: 'rule-a', scope: '', reason };
    expect(findSuppression('rule-b', 'app/x', 'test_thing.x', [s], '2026-01-01')).toBeUndefined();
    expect(findSuppression('rule-a', 'app/x', 'test_thing.x', [s], '2026-01-01')).toEqual({ suppression: s, expired: false });
  });
});

describe('a suppression covers exactly its scope', () => {
  test('segment by segment: app/team covers app/team/one, not app/teammate/x', () => {
    const { suppressed } = run([{ ruleId: 'rule-a', scope: 'app/team', reason }]);
    expect(suppressed).toEqual(['rule-a test_thing.one', 'rule-a test_thing.two']);
  });

  test.each([
    ['', 'anything/at/all', true],
    ['app', 'app', true],
    ['app', 'app/x', true],
    ['app', 'apple', false],
    ['app/x', 'app', false],
    ['app/x', 'app/xy', false],
  ])('scopeCovers(%j, %j) is %s', (scope, path, covers) => {
    expect(scopeCovers(scope, path)).toBe(covers);
  });

  test('a suppression with an address covers only that resource, even inside its scope', () => {
    const { suppressed, reported } = run([{ ruleId: 'rule-a', scope: 'app', address: 'test_thing.two', reason }]);
    expect(suppressed).toEqual(['rule-a test_thing.two']);
    expect(reported).toContain('rule-a test_thing.one violation');
  });

  test('findSuppression: the address must match when given', () => {
    const s: SuppressionRecord = { ruleId: 'rule-a', scope: '', address: 'test_thing.a', reason };
    expect(findSuppression('rule-a', 'p', 'test_thing.b', [s], '2026-01-01')).toBeUndefined();
    expect(findSuppression('rule-a', 'p', 'test_thing.a', [s], '2026-01-01')?.expired).toBe(false);
  });
});

describe('a suppression applies until exactly its expiry day', () => {
  test.each([
    ['2026-06-14', true],
    ['2026-06-15', false],
    ['2026-06-16', false],
  ])('expires %s, today 2026-06-15: expired is %s', (expires, expired) => {
    expect(isExpired({ ruleId: 'rule-a', scope: '', reason, expires }, '2026-06-15')).toBe(expired);
    const { reported, suppressed } = run([{ ruleId: 'rule-a', scope: 'app/team/one', reason, expires }], [thing('one', 'app/team/one')]);
    if (expired) {
      expect(reported).toContain('rule-a test_thing.one expired-suppression');
      expect(suppressed).toEqual([]);
    } else {
      expect(suppressed).toEqual(['rule-a test_thing.one']);
    }
  });

  test('a live suppression wins over an expired one, in either order', () => {
    const live: SuppressionRecord = { ruleId: 'rule-a', scope: '', reason, expires: '2030-01-01' };
    const old: SuppressionRecord = { ruleId: 'rule-a', scope: '', reason, expires: '2020-01-01' };
    expect(findSuppression('rule-a', 'p', 'a', [old, live], '2026-01-01')).toEqual({ suppression: live, expired: false });
    expect(findSuppression('rule-a', 'p', 'a', [live, old], '2026-01-01')).toEqual({ suppression: live, expired: false });
    expect(findSuppression('rule-a', 'p', 'a', [old], '2026-01-01')).toEqual({ suppression: old, expired: true });
  });

  test('without expiry it never expires', () => {
    expect(isExpired({ ruleId: 'rule-a', scope: '', reason }, '9999-12-31')).toBe(false);
  });
});

describe('malformed suppressions are refused, never honoured', () => {
  const known = new Set(['rule-a']);
  test.each([
    ['rule-x', { reason }, /unknown rule id/],
    [42, { reason }, /unknown rule id/],
    ['rule-a', undefined, /expected \{ reason, expires\? \}/],
    ['rule-a', { reason: 'x'.repeat(MIN_REASON_LENGTH - 1) }, /at least 10 characters/],
    ['rule-a', { reason: ` ${'x'.repeat(MIN_REASON_LENGTH - 1)}  ` }, /at least 10 characters/],
    ['rule-a', { reason, expires: '2026-13-01' }, /must be a date/],
    ['rule-a', { reason, expires: 20260101 }, /must be a date/],
  ])('%j %j', (ruleId, input, problem) => {
    expect(suppressionProblem(ruleId, input as never, known)).toMatch(problem);
  });

  test('a reason of exactly the minimum length is accepted', () => {
    expect(suppressionProblem('rule-a', { reason: 'x'.repeat(MIN_REASON_LENGTH) }, known)).toBeUndefined();
  });

  test('an invalid record in the configuration is audited and does not suppress', () => {
    const stack: StackDocument = {
      name: 'app',
      resources: [thing('one', 'app/one')],
      providers: [],
      suppressions: [{ ruleId: 'rule-a', scope: 'app', reason: 'short' }],
      source: 'config',
    };
    const result = evaluate([stack], options);
    expect(result.suppressed).toEqual([]);
    expect(result.invalidSuppressions).toHaveLength(1);
    expect(result.violations.map((v) => v.ruleId)).toEqual(['rule-a', 'rule-b']);
  });
});

describe('a malformed suppression is explained, never a crash', () => {
  const known = new Set(['rule-a', 'volume-encryption-required']);
  test.each([
    ['rule-a', null, /expected \{ reason, expires\? \} for rule 'rule-a', got null/],
    ['rule-a', 'a reason as a bare string', /expected \{ reason, expires\? \}/],
    ['rule-a', {}, /reason for suppressing 'rule-a' must be at least 10 characters saying why, got undefined/],
    ['rule-a', { reason: 12345678901 }, /must be at least 10 characters saying why, got 12345678901/],
  ])('%j %j', (ruleId, input, problem) => {
    expect(suppressionProblem(ruleId, input as never, known)).toMatch(problem);
  });

  test('an unknown rule id close to a known one suggests it', () => {
    expect(suppressionProblem('volume-encryption-requried', { reason }, known)).toBe(
      `ruleId: unknown rule id "volume-encryption-requried" (did you mean 'volume-encryption-required'?)`,
    );
    expect(suppressionProblem(42, { reason }, known)).toBe('ruleId: unknown rule id 42');
  });

  test('validateSuppression throws a GuardrailConfigError naming where, and accepts a well-formed one', () => {
    expect(() => validateSuppression('rule-a', { reason: 'short' }, known, 'Guardrails.suppress(app/x)')).toThrow(GuardrailConfigError);
    expect(() => validateSuppression('rule-a', { reason: 'short' }, known, 'Guardrails.suppress(app/x)')).toThrow(
      /^Guardrails\.suppress\(app\/x\): reason for suppressing 'rule-a'/,
    );
    expect(() => validateSuppression('rule-a', { reason, expires: '2030-01-01' }, known, 'here')).not.toThrow();
  });
});
