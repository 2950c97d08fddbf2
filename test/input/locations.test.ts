import * as fs from 'fs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { resourceLocations } from '../../engine/input/locations';
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
