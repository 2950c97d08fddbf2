/**
 * The JUnit report is built a batch of test cases at a time and spliced into the document around them
 * (engine/reports/junit-report): across batch and suite boundaries it reads as one document.
 */
import { XMLParser } from 'fast-xml-parser';
import { evaluate } from '../../engine/evaluate';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { resolveOptions } from '../../engine/options';
import { writeJunitReport } from '../../engine/reports/junit-report';
import { builtInRules } from '../../rules';
import { collect } from '../helpers/report';

const ENCRYPTION = 'volume-encryption-required';
const onlyEncryption = Object.fromEntries(builtInRules.map((r) => [r.id, r.id === ENCRYPTION ? 'error' : 'off'] as const));

function volumes(stack: string, n: number) {
  const volume = Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${String(i).padStart(4, '0')}`, { availability_zone: 'a' }]));
  return stackFromTerraformJson({ resource: { aws_ebs_volume: volume } }, { stack, file: `${stack}/main.tf.json` });
}

test('2,500 failing cases in one suite (three batches) and 3 in another: one document, every case in order, indented alike', () => {
  const result = evaluate([volumes('big', 2500), volumes('small', 3)], resolveOptions({ rules: onlyEncryption }, builtInRules, 'test'));
  const xml = collect((sink) => writeJunitReport({ result, rules: builtInRules, toolVersion: '1.2.3' }, sink));
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
  const [big, small] = parsed.testsuites.testsuite;
  expect([parsed.testsuites.tests, parsed.testsuites.failures, big.tests, small.tests]).toEqual(['2503', '2503', '2500', '3']);
  expect(big.testcase.map((c: { name: string }) => c.name)).toEqual(Array.from({ length: 2500 }, (_, i) => `aws_ebs_volume.v${String(i).padStart(4, '0')}`));
  expect(small.testcase.map((c: { name: string }) => c.name)).toEqual(['aws_ebs_volume.v0000', 'aws_ebs_volume.v0001', 'aws_ebs_volume.v0002']);
  const lines = xml.split('\n');
  expect(lines.filter((l) => l.includes('<testcase ')).every((l) => l.startsWith('    <testcase '))).toBe(true);
  expect(lines.filter((l) => l.includes('</testcase>'))).toEqual(Array(2503).fill('    </testcase>'));
  expect(lines.filter((l) => /<\/?testsuite[ >]/.test(l)).map((l) => l.replace(/ name=.*/, ''))).toEqual(['  <testsuite', '  </testsuite>', '  <testsuite', '  </testsuite>']);
  expect(xml).not.toContain('cases-');
  expect(xml.endsWith('</testsuites>\n')).toBe(true);
});
