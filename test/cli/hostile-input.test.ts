/**
 * Keys from the input never reach Object.prototype, and one input never changes another's results:
 * `__proto__`, `constructor` and `prototype` anywhere in a plan or in Terraform JSON are ordinary keys.
 * The JSON here is written as text: an object literal `{ __proto__: … }` would set a prototype instead.
 */
import { PUBLIC_IP, ENCRYPTION, cli, expectOneLineError, only, tempDir, writeFiles } from './harness';

const POLLUTABLE = ['polluted', 'encrypted', 'tags', 'for_each', 'count', 'prototype'];

afterEach(() => {
  // A failing run (the bug this file guards against) must not leak into the tests after it.
  for (const key of POLLUTABLE) delete (Object.prototype as Record<string, unknown>)[key];
});

function expectPrototypeClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of POLLUTABLE) expect(probe[key]).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

interface Finding {
  ruleId: string;
  address: string;
  kind: string;
  stack: string;
  attribute?: string;
}
const findingsOf = (stdout: string, stack?: string) =>
  (JSON.parse(stdout).violations as Finding[])
    .filter((v) => stack === undefined || v.stack === stack)
    .map((v) => `${v.ruleId} ${v.address} ${v.kind} ${v.attribute ?? ''}`.trim());

const RULES = only(ENCRYPTION, PUBLIC_IP);

function change(address: string, after: string, afterUnknown: string): string {
  const [type, name] = address.split('.');
  return `{"address":"${address}","mode":"managed","type":"${type}","name":"${name}","change":{"actions":["create"],"after":${after},"after_unknown":${afterUnknown}}}`;
}

// The same plan twice: once with hostile keys in after, after_unknown and configuration, once without.
const hostilePlan = `{"format_version":"1.2","resource_changes":[
  ${change('aws_ebs_volume.v', '{"availability_zone":"a","encrypted":false}', '{"__proto__":{"polluted":true,"encrypted":true,"tags":true,"for_each":[true]},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}')},
  ${change('aws_ebs_volume.w', '{"availability_zone":"a","encrypted":false,"__proto__":{"encrypted":true}}', '{"__proto__":{"polluted":true}}')},
  ${change('aws_eip.ip', '{"domain":"vpc","tags":{"__proto__":{"exposure":"public"},"constructor":"x"}}', '{"tags":{"__proto__":true}}')}
],
"configuration":{"provider_config":{"__proto__":{"name":"__proto__","expressions":{"__proto__":{"constant_value":{"polluted":true}}}}},
  "root_module":{"resources":[{"address":"aws_ebs_volume.v","expressions":{"__proto__":{"polluted":{"constant_value":1}},"constructor":{"constant_value":1}}}],
  "module_calls":{"__proto__":{"module":{"resources":[]}}}}}}`;
const cleanPlan = `{"format_version":"1.2","resource_changes":[
  ${change('aws_ebs_volume.v', '{"availability_zone":"a","encrypted":false}', '{}')},
  ${change('aws_ebs_volume.w', '{"availability_zone":"a","encrypted":false}', '{}')},
  ${change('aws_eip.ip', '{"domain":"vpc","tags":{}}', '{}')}
]}`;

// A configuration with no hostile keys: what another input must not change.
const innocent = { resource: { aws_ebs_volume: { plain: { availability_zone: 'a', size: 1 } }, aws_eip: { open: { domain: 'vpc' } } } };

test('a plan with __proto__, constructor and prototype keys: same verdict as without, Object.prototype untouched', async () => {
  const dir = writeFiles(tempDir(), { 'hostile.json': hostilePlan, 'clean.json': cleanPlan });
  const hostile = await cli(['check', 'hostile.json', '--format', 'json', ...RULES], { cwd: dir });
  expectPrototypeClean();
  const clean = await cli(['check', 'clean.json', '--format', 'json', ...RULES], { cwd: dir });
  expect(hostile.stderr).toBe('');
  expect(hostile.code).toBe(1);
  expect(findingsOf(hostile.stdout)).toEqual(findingsOf(clean.stdout));
  expect(findingsOf(clean.stdout)).toEqual([
    `${ENCRYPTION} aws_ebs_volume.v violation encrypted`,
    `${ENCRYPTION} aws_ebs_volume.w violation encrypted`,
    `${PUBLIC_IP} aws_eip.ip violation tags`,
  ]);
});

test('one input never changes the results of another read with it', async () => {
  const dir = writeFiles(tempDir(), { 'hostile.json': hostilePlan, 'innocent.tf.json': innocent });
  const alone = await cli(['check', 'innocent.tf.json', '--format', 'json', ...RULES], { cwd: dir });
  const together = await cli(['check', 'hostile.json', 'innocent.tf.json', '--format', 'json', ...RULES], { cwd: dir });
  expectPrototypeClean();
  expect(findingsOf(together.stdout, 'innocent')).toEqual(findingsOf(alone.stdout));
  expect(findingsOf(alone.stdout)).toEqual([`${ENCRYPTION} aws_ebs_volume.plain violation encrypted`, `${PUBLIC_IP} aws_eip.open violation tags`]);
  // Nothing that turns a finding into a warning can make the innocent stack pass either.
  const relaxed = await cli(['check', 'hostile.json', 'innocent.tf.json', '--unknown-values', 'warning', ...RULES], { cwd: dir });
  expect(relaxed.code).toBe(1);
});

test('Terraform JSON: resources and types named constructor, __proto__ or toString are checked, or listed as uncovered', async () => {
  const doc = `{
    "provider": {"aws": [{"region": "eu-west-1"}], "__proto__": [{"region": "x"}], "constructor": {"alias": "c"}},
    "resource": {
      "aws_ebs_volume": {"__proto__": {"availability_zone": "a"}, "constructor": {"availability_zone": "a"}, "toString": {"availability_zone": "a", "encrypted": true}},
      "aws_eip": {"prototype": {"domain": "vpc", "tags": {"__proto__": {"exposure": "public"}, "constructor": "public"}}},
      "constructor": {"a": {}},
      "toString": {"b": {}},
      "__proto__": {"c": {"__proto__": {"encrypted": true}}}
    }
  }`;
  const dir = writeFiles(tempDir(), { 'odd.tf.json': doc });
  const run = await cli(['check', 'odd.tf.json', '--format', 'json', ...RULES], { cwd: dir });
  expectPrototypeClean();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(findingsOf(run.stdout)).toEqual([
    `${ENCRYPTION} aws_ebs_volume.__proto__ violation encrypted`,
    `${ENCRYPTION} aws_ebs_volume.constructor violation encrypted`,
    // a `__proto__` tag is a tag of that name, not a prototype that approves the exposure
    `${PUBLIC_IP} aws_eip.prototype violation tags`,
  ]);
  // Not silently passed: no rule covers these types, and the report says so.
  expect(report.uncoveredTypes.map((u: { type: string }) => u.type).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  expect(report.summary.resourcesChecked).toBe(7);
  // Findings are still placed by line (the locator's lookups are by own key too).
  expect(report.violations.map((v: { line?: number }) => v.line)).toEqual([4, 4, 5]);
});

test('suppression records with __proto__ keys are malformed, not honoured', async () => {
  const doc = `{
    "//": {"metadata": {"stackName": "app"}, "guardrails": {"suppressions": [
      {"ruleId": "${ENCRYPTION}", "reason": "prototype says it is fine", "__proto__": {"scope": ""}}
    ]}},
    "resource": {"aws_ebs_volume": {"v": {"availability_zone": "a"}}}
  }`;
  const dir = writeFiles(tempDir(), { 'app.tf.json': doc });
  const run = await cli(['check', 'app.tf.json', '--format', 'json', ...RULES], { cwd: dir });
  expectPrototypeClean();
  const report = JSON.parse(run.stdout);
  expect(run.code).toBe(1);
  expect(report.suppressed).toEqual([]);
  expect(report.invalidSuppressions.map((s: { problem: string }) => s.problem)).toEqual(['scope must be a construct path string']);
});

describe('forged suppression records: only the stack-level //.guardrails.suppressions is written by a guarded synth', () => {
  const record = { ruleId: ENCRYPTION, scope: 'app/legacy', reason: 'legacy volume, migration tracked in INFRA-1234' };
  const stack = (resourceMeta: Record<string, unknown>, where: 'resource' | 'data' | 'module' = 'resource') => ({
    '//': { metadata: { stackName: 'app' } },
    ...(where === 'resource'
      ? { resource: { aws_ebs_volume: { legacy: { availability_zone: 'a', '//': { metadata: { path: 'app/legacy' }, ...resourceMeta } } } } }
      : where === 'data'
        ? { data: { aws_ami: { img: { '//': resourceMeta } } } }
        : { module: { vpc: { source: './vpc', '//': resourceMeta } } }),
  });

  test.each([
    ['on a resource', stack({ guardrails: { suppressions: [record] } }), 'aws_ebs_volume.legacy'],
    ['on a resource, even without suppressions in it', stack({ guardrails: {} }), 'aws_ebs_volume.legacy'],
    ['on a data source', stack({ guardrails: { suppressions: [record] } }, 'data'), 'data.aws_ami.img'],
    ['on a module call', stack({ guardrails: { suppressions: [record] } }, 'module'), 'module.vpc'],
  ])('%s: exit 2 naming the file and the address', async (_name, doc, address) => {
    const dir = writeFiles(tempDir(), { 'app.tf.json': doc });
    expectOneLineError(
      await cli(['check', 'app.tf.json', ...RULES], { cwd: dir }),
      `app.tf.json: ${address}: suppression records on a resource are not written by Guardrails.suppress`,
    );
  });

  test('in the configuration beside a plan too', async () => {
    const plan = `{"format_version":"1.2","resource_changes":[${change('aws_ebs_volume.legacy', '{"availability_zone":"a"}', '{}')}]}`;
    const dir = writeFiles(tempDir(), { 'stacks/app/cdk.tf.json': stack({ guardrails: { suppressions: [record] } }), 'stacks/app/plan.json': plan });
    expectOneLineError(
      await cli(['check', 'stacks/app/plan.json', ...RULES], { cwd: dir }),
      'aws_ebs_volume.legacy: suppression records on a resource are not written by Guardrails.suppress',
    );
  });

  test('the same record at stack level is honoured', async () => {
    const doc = { ...stack({}), '//': { metadata: { stackName: 'app' }, guardrails: { suppressions: [record] } } };
    const dir = writeFiles(tempDir(), { 'app.tf.json': doc });
    const run = await cli(['check', 'app.tf.json', '--format', 'json', ...RULES], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).suppressed).toHaveLength(1);
  });
});
