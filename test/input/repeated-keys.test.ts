/** Repeated keys: the cheap count of members written must agree with JSON.parse exactly, or inputs are refused wrongly. */
import * as fc from 'fast-check';
import { scanJsonText } from '../../engine/input/locations';
import { membersParsed, membersWritten, parseJsonText, parseJsonTextPlaced } from '../../engine/input/read-json';

test('members written equal members parsed for any JSON without repeated keys (strings with quotes, colons, backslashes)', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      expect(membersWritten(text)).toBe(membersParsed(JSON.parse(text)));
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('the pass that places resources counts the same members, in block bodies and outside them', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (body, other, pretty) => {
      // A body is skipped by bracket counting, the rest read key by key: both must count every member.
      const doc = { resource: { aws_instance: { web: { body }, db: [{ other }] } }, module: { m: { source: './m', other } }, locals: other };
      const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
      expect(scanJsonText(text).members).toBe(membersParsed(JSON.parse(text)));
    }),
    { seed: 11, numRuns: 1000 },
  );
});

test.each([
  ['{"resource": {"aws_instance": {"web": {"ami": "x", "ami": "y"}}}}', '"ami"'],
  ['{"resource": {"aws_instance": {"web": {}}, "aws_instance": {"db": {}}}}', '"aws_instance"'],
  ['{"resource": {}, "resource": {"aws_instance": {"web": {}}}}', '"resource"'],
  ['{"resource": {"aws_instance": {"web": {"tags": {"a": ":", "a": "x\\\\\\"y"}}}}}', '"a"'],
])('a repeated key is refused when resources are placed in the same pass: %s', (text, key) => {
  expect(() => parseJsonTextPlaced(text, 'main.tf.json', () => true)).toThrow(`repeats the key ${key}`);
});

test('resources are placed only when asked for', () => {
  const text = '{\n  "resource": {\n    "aws_instance": {\n      "web": {}\n    }\n  }\n}';
  expect(parseJsonTextPlaced(text, 'main.tf.json', () => false)).toEqual({ doc: JSON.parse(text) });
  const placed = parseJsonTextPlaced(text, 'main.tf.json', (doc) => typeof doc === 'object');
  expect([...(placed.locations ?? [])]).toEqual([['aws_instance.web', { line: 4, column: 7 }]]);
});

test.each([
  ['{"a": "x\\\\", "b": ":"}', 2],
  ['{"a\\"": 1, "b": "\\\\\\":"}', 2],
  ['[":", "::", {"k": ":"}]', 1],
  ['{"": {"": ""}}', 2],
])('%s has %i members', (text, n) => {
  expect(membersWritten(text)).toBe(n);
  expect(membersParsed(JSON.parse(text))).toBe(n);
});

test.each([
  ['{"a": 1, "a": 2}', '"a"'],
  ['{"x": [{"k": 1}, {"k": 2, "k": 3}]}', '"k"'],
  ['{"__proto__": {}, "__proto__": {}}', '"__proto__"'],
  ['{"a": {"b": 1}, "a": {"c": 2}}', '"a"'],
])('a repeated key is refused: %s', (text, key) => {
  expect(() => parseJsonText(text, 'f.json')).toThrow(`repeats the key ${key}`);
});

test('the same key in different objects is not repeated', () => {
  expect(parseJsonText('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 3}, {"k": 4}]}', 'f.json')).toBeDefined();
});

test('a document nested deeper than the repeated-key finder can follow is refused by name, not an internal error', () => {
  const depth = 20000;
  const text = `${'{"a":'.repeat(depth)}{"k": 1, "k": 2}${'}'.repeat(depth)}`;
  let message = '';
  try {
    parseJsonText(text, 'deep.json');
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/^deep\.json: (is nested too deeply|repeats the key "k")/);
});
