import * as fs from 'fs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import * as fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { resourceLocations, scanJsonText } from '../../engine/input/locations';
import { loadInputs } from '../../engine/input/load-inputs';
import { membersParsed } from '../../engine/input/nesting';
import { tempDir, writeFiles } from '../cli/harness';
import { Guardrails } from '../../index';
import { awsStack, readReport, stackFile, synthError, testApp } from '../helpers/app';

describe('resource locations', () => {
  test('resource, data and module blocks, in object and list forms, at the line and column of their name', () => {
    const text = [
      '{',
      '  "resource": {',
      '    "aws_ebs_volume": {',
      '      "data": { "nested": { "resource": { "x": { "y": {} } } } },',
      '      "other": [ { "x": 1 } ]',
      '    },',
      '    "aws_s3_bucket": [ { "b": {} } ]',
      '  },',
      '  "data": { "aws_iam_policy_document": { "p": {} } },',
      '  "module": { "vpc": { "source": "x" } },',
      '  "constructor": { "a": { "b": {} } }',
      '}',
    ].join('\n');
    expect([...resourceLocations(text).entries()]).toEqual([
      ['aws_ebs_volume.data', { line: 4, column: 7 }],
      ['aws_ebs_volume.other', { line: 5, column: 7 }],
      ['aws_s3_bucket.b', { line: 7, column: 26 }],
      ['data.aws_iam_policy_document.p', { line: 9, column: 42 }],
      ['module.vpc', { line: 10, column: 15 }],
    ]);
  });

  test('LF-only text (the common case, lines counted with indexOf): code points beyond the BMP, names after others on a line, one-line JSON', () => {
    // Where `"<name>":` is written, counted the plain way: lines split at LF, columns in code points.
    const reference = (text: string, name: string) => {
      const before = text.slice(0, text.indexOf(`${JSON.stringify(name)}:`));
      return { line: before.split('\n').length, column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1 };
    };
    const text = '{"resource": {"t": {"😀": {"s": "😀{[\\"x"}, "b": {}},\n  "u": [{"c": {}}, {"d": {"e": {"f": {}}}}]}, "data": {"h": {"g": {}}}}';
    const expected = (t: string) =>
      [
        ['t.😀', '😀'],
        ['t.b', 'b'],
        ['u.c', 'c'],
        ['u.d', 'd'],
        ['data.h.g', 'g'],
      ].map(([address, name]) => [address, reference(t, name)]);
    expect([...resourceLocations(text).entries()]).toEqual(expected(text));
    const oneLine = JSON.stringify(JSON.parse(text));
    expect([...resourceLocations(oneLine).entries()]).toEqual(expected(oneLine));
  });

  test('any Terraform-shaped document, any line ending: the same places as a full JSON parser finds, and the same member count', () => {
    // Names with escapes, quotes, backslashes, controls, characters beyond the BMP; blocks in object and list forms;
    // bodies holding anything; other top-level blocks; LF, CRLF or CR between tokens.
    const name = fc.string({
      // Astral characters at the edges of the surrogate ranges (U+10000 is D800 DC00, U+10FFFF is DBFF DFFF), and U+FFFF.
      unit: fc.constantFrom('a', 'Z', '_', '-', '"', '\\', '\n', '\u0001', 'é', '😀', '\u{10000}', '\u{10FFFF}', '\uFFFF', '\u2028', ':', '{', '['),
      minLength: 1,
      maxLength: 6,
    });
    const body = fc.oneof(
      fc.constant({}),
      fc.jsonValue({ maxDepth: 2 }).map((v) => ({ v, s: 'x"}:{[' })),
    );
    const names = fc.dictionary(name, body, { minKeys: 1, maxKeys: 3 });
    const level = <T>(inner: fc.Arbitrary<T>) =>
      fc.oneof(
        fc.dictionary(name, inner, { minKeys: 1, maxKeys: 2 }),
        fc.array(fc.dictionary(name, inner, { minKeys: 1, maxKeys: 2 }), { minLength: 1, maxLength: 2 }),
      );
    const doc = fc.record(
      {
        resource: level(fc.oneof(names, fc.array(names, { maxLength: 2 }))),
        data: level(names),
        module: fc.dictionary(name, body),
        locals: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (value, eol, pretty) => {
        // One-line text gets a line break after its first brace, so its names come after others on a line whatever the line ending.
        const text = (pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value).replace('{', '{\n')).replace(/\n/g, eol);
        expect([...resourceLocations(text).entries()]).toEqual([...referenceLocations(text).entries()]);
        expect(scanJsonText(text).members).toBe(membersParsed(JSON.parse(text)));
      }),
      { seed: 5, numRuns: 1500 },
    );
  });

  test('files are placed while they are read, unless the report prints no line', async () => {
    const dir = writeFiles(tempDir('placed-'), { 'main.tf.json': { resource: { aws_ebs_volume: { data: {} } } } });
    const placed = await loadInputs([dir], { cwd: dir });
    expect(placed.locate(placed.stacks[0].file!, 'aws_ebs_volume.data')).toEqual({ line: 4, column: 7 });
    const unplaced = await loadInputs([dir], { cwd: dir, placeFindings: false });
    expect(unplaced.stacks[0].resources.map((r) => r.address)).toEqual(['aws_ebs_volume.data']);
    expect(unplaced.locate(unplaced.stacks[0].file!, 'aws_ebs_volume.data')).toBeUndefined();
  });

  test('synth findings point at the line of the resource in cdk.tf.json', () => {
    const app = testApp();
    Guardrails.enforce(app, { rules: { 'volume-encryption-required': 'warning' } });
    new EbsVolume(awsStack(app), 'data', { availabilityZone: 'a' });
    expect(synthError(app)).toBeUndefined();
    const finding = readReport(app).violations.find((v: { ruleId: string }) => v.ruleId === 'volume-encryption-required');
    expect(finding).toMatchObject({ file: 'stacks/main/cdk.tf.json', column: 7 });
    const lines = fs.readFileSync(stackFile(app, 'main'), 'utf8').split('\n');
    expect(lines[finding.line - 1].trim()).toBe('"data": {');
  });
});

/**
 * The oracle: jsonc-parser's visitor (a full parser) finds every key and its offset; a key at the depth of a block's
 * name (counted in objects) under `resource`, `data` or `module` names an address, the first one written wins. Lines
 * end at LF, CRLF or CR; columns count code points.
 */
function referenceLocations(text: string): Map<string, { line: number; column: number }> {
  const depth: Record<string, number> = { resource: 3, data: 3, module: 2 };
  const found = new Map<string, { line: number; column: number }>();
  const keys: string[] = [];
  let objects = 0;
  visit(text, {
    onObjectBegin: () => void objects++,
    onObjectEnd: () => void objects--,
    onObjectProperty: (key, offset) => {
      keys[objects - 1] = key;
      keys.length = objects;
      if (depth[keys[0]] !== objects) return;
      const address = keys[0] === 'resource' ? `${keys[1]}.${keys[2]}` : keys[0] === 'data' ? `data.${keys[1]}.${keys[2]}` : `module.${keys[1]}`;
      if (found.has(address)) return;
      const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
      found.set(address, { line: lines.length, column: [...lines[lines.length - 1]].length + 1 });
    },
  });
  return found;
}
