/** Repeated keys: the cheap count of members written must agree with JSON.parse exactly, or inputs are refused wrongly. */
import * as fc from 'fast-check';
import { membersParsed, membersWritten, parseJsonText } from '../../engine/input/read-json';

test('members written equal members parsed for any JSON without repeated keys (strings with quotes, colons, backslashes)', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      expect(membersWritten(text)).toBe(membersParsed(JSON.parse(text)));
    }),
    { seed: 7, numRuns: 2000 },
  );
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
