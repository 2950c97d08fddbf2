/**
 * Deep nesting never crashes: the line locator reads any depth (it is iterative), and an input nested
 * beyond what any configuration or plan needs is one clear line, exit 2 ("nested too deeply"), before any
 * recursive reader (ours or a rule's) sees it. Never a RangeError, a stack trace or an internal error.
 */
import { resourceLocations } from '../../engine/input/locations';
import { MAX_NESTING, stackFromTerraformJson } from '../../engine/input/terraform-json';
import { stackFromPlanJson } from '../../engine/input/plan-json';
import { assertNesting } from '../../engine/input/nesting';
import { parseJsonText } from '../../engine/input/read-json';
import type { JsonObject } from '../../engine/types';
import { UNKNOWN_AFTER_APPLY } from '../../engine/values';
import { ENCRYPTION, cli, expectOneLineError, only, tempDir, writeFiles } from '../cli/harness';

const DEPTH = 100_000;
const nestedArrays = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const nestedObjects = (depth: number, inner = '1') => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe('the line locator', () => {
  test(`a document nested ${DEPTH} levels deep: no RangeError, and the resources around it are still placed`, () => {
    const text = [
      '{',
      '  "resource": {',
      '    "aws_ebs_volume": {',
      `      "deep": { "tags": ${nestedObjects(DEPTH)}, "x": ${nestedArrays(DEPTH)} },`,
      '      "after": {}',
      '    }',
      '  },',
      `  "locals": { "l": ${nestedArrays(DEPTH, nestedObjects(DEPTH))} },`,
      '  "module": { "m": {} }',
      '}',
    ].join('\n');
    let locations: Map<string, unknown> | undefined;
    expect(() => {
      locations = resourceLocations(text);
    }).not.toThrow();
    expect([...locations!.entries()]).toEqual([
      ['aws_ebs_volume.deep', { line: 4, column: 7 }],
      ['aws_ebs_volume.after', { line: 5, column: 7 }],
      ['module.m', { line: 9, column: 15 }],
    ]);
  });

  test('strings with quotes, backslashes and braces, CRLF and CR line ends, code points beyond the BMP', () => {
    const text = '{"resource": {"t": {"a\\"{[": {"s": "}]\\\\"}, "😀😀": {}}},\r\n "data": {"d": {"\\u0062": {}}},\r "module": {"m": {}}}';
    expect([...resourceLocations(text).entries()]).toEqual([
      ['t.a"{[', { line: 1, column: 21 }],
      ['t.😀😀', { line: 1, column: 45 }],
      ['data.d.b', { line: 2, column: 17 }],
      ['module.m', { line: 3, column: 13 }],
    ]);
  });

  test('text that is not JSON (truncated, unterminated string) gives what it can, never throws', () => {
    expect(() => resourceLocations('{"resource": {"t": {"a": {"x": "unterminated')).not.toThrow();
    expect([...resourceLocations('{"resource": {"t": {"a": {}, "b": ').keys()]).toEqual(['t.a', 't.b']);
    expect(resourceLocations(']]]}}}{"resource"').size).toBe(0);
  });
});

describe('inputs nested too deeply are bad input', () => {
  test.each([
    ['a Terraform JSON resource body', 'deep.tf.json', `{"resource": {"aws_ebs_volume": {"v": {"tags": ${nestedObjects(DEPTH)}}}}}`],
    ['a Terraform JSON local', 'locals.tf.json', `{"locals": {"l": ${nestedArrays(DEPTH)}}, "resource": {"aws_ebs_volume": {"v": {}}}}`],
    [
      "a plan's after_unknown",
      'plan.json',
      `{"format_version": "1.2", "resource_changes": [{"address": "aws_ebs_volume.v", "mode": "managed", "type": "aws_ebs_volume", "name": "v",
        "change": {"actions": ["create"], "after": {}, "after_unknown": {"tags": ${nestedObjects(DEPTH, 'true')}}}}]}`,
    ],
    [
      "a plan's configuration",
      'plan2.json',
      `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"x": ${nestedArrays(DEPTH)}}}}`,
    ],
  ])('%s: exit 2, "nested too deeply"', async (_name, file, text) => {
    const dir = writeFiles(tempDir(), { [file]: text });
    for (const format of ['text', 'sarif']) {
      const run = await cli(['check', file, '--format', format, ...only(ENCRYPTION)], { cwd: dir });
      expectOneLineError(run, `${file}: is nested too deeply (more than ${MAX_NESTING} levels`);
      expect(run.stdout).toBe('');
    }
  });

  test('at the limit it is read; one level more is refused', () => {
    const nested = (depth: number): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = { a: value };
      return value;
    };
    // The document, resource, types, names, body: 5 levels before `tags`.
    expect(() => stackFromTerraformJson({ resource: { t: { n: { tags: nested(MAX_NESTING - 4) } } } }, { stack: 's', file: 'f' })).not.toThrow();
    expect(() => stackFromTerraformJson({ resource: { t: { n: { tags: nested(MAX_NESTING - 3) } } } }, { stack: 's', file: 'f' })).toThrow(
      'f: is nested too deeply',
    );
  });

  test('parsing measures the depth once: a parsed document at the limit is read, one level more is still refused', () => {
    const text = (depth: number, leaf = '1') => `{"resource": {"t": {"n": {"tags": ${nestedObjects(depth, leaf)}}}}}`;
    const within = parseJsonText(text(MAX_NESTING - 4), 'f');
    expect(() => stackFromTerraformJson(within as JsonObject, { stack: 's', file: 'f' })).not.toThrow();
    // The mark covers the engine's own limit, not a stricter one.
    expect(() => assertNesting(within, 'f', MAX_NESTING - 1)).toThrow('f: is nested too deeply (more than 255 levels');
    // A null is a value, not a level: at the limit, null leaves in an object and in an array are read.
    for (const leaf of ['{"a": null}', '[null, 1, "s"]']) {
      const atLimit = parseJsonText(text(MAX_NESTING - 5, leaf), 'f');
      expect(() => stackFromTerraformJson(atLimit as JsonObject, { stack: 's', file: 'f' })).not.toThrow();
      expect(() => assertNesting(JSON.parse(text(MAX_NESTING - 5, leaf)), 'f')).not.toThrow();
    }
    const beyond = parseJsonText(text(MAX_NESTING - 3), 'f');
    expect(() => stackFromTerraformJson(beyond as JsonObject, { stack: 's', file: 'f' })).toThrow('f: is nested too deeply');
  });

  test('a plan nested close to the limit is read, unknowns at their exact depth', () => {
    let mask: unknown = true;
    let after: unknown = {};
    const depth = MAX_NESTING - 10;
    for (let i = 0; i < depth; i++) {
      mask = { b: mask };
      after = { b: after };
    }
    const stack = stackFromPlanJson(
      {
        format_version: '1.2',
        resource_changes: [{ address: 't.n', mode: 'managed', type: 't', name: 'n', change: { actions: ['create'], after, after_unknown: mask } }],
      },
      { stack: 's' },
    );
    let value: unknown = stack.resources[0].body;
    for (let i = 0; i < depth; i++) value = (value as Record<string, unknown>).b;
    expect(value).toBe(UNKNOWN_AFTER_APPLY);
  });
});
