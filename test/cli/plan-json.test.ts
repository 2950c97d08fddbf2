/** Plan JSON input: after values, unknowns at their exact position, modules, and the cdktf metadata beside it. */
import { UNKNOWN_AFTER_APPLY } from '../../engine/values';
import { looksLikePlanJson, stackFromPlanJson, withUnknowns, shapeOfBody } from '../../engine/input/plan-json';
import { ENCRYPTION, PUBLIC_IP, cdktfStack, cli, only, tempDir, writeFiles } from './harness';

const U = UNKNOWN_AFTER_APPLY;

describe('withUnknowns', () => {
  test('marks every unknown at its exact nested position', () => {
    const after = { a: 1, blocks: [{ x: 1 }, { x: 2 }], tags: { k: 'v' }, list: [null, 'b'] };
    const mask = { b: true, blocks: [{ y: true }, {}], tags: { k2: true }, list: [true, false], absent: [{ z: true }], empty: {} };
    expect(withUnknowns(after, mask)).toEqual({
      a: 1,
      b: U,
      blocks: [{ x: 1, y: U }, { x: 2 }],
      tags: { k: 'v', k2: U },
      list: [U, 'b'],
      absent: [{ z: U }],
    });
  });

  test('an unknown the configuration did not set is unset (as at synth); one it set stays unknown', () => {
    const shape = shapeOfBody({ encrypted: '${var.e}', ebs_block_device: [{ device_name: '/dev/sdb' }], dynamic: { ingress: { content: {} } } });
    const after = { ebs_block_device: [{ device_name: '/dev/sdb' }] };
    const mask = { encrypted: true, arn: true, root_block_device: true, ebs_block_device: [{ kms_key_id: true }], ingress: [{ cidr_blocks: true }] };
    expect(withUnknowns(after, mask, shape)).toEqual({
      encrypted: U,
      ebs_block_device: [{ device_name: '/dev/sdb' }],
      // a dynamic block's contents come from the configuration as a whole: its unknowns stay
      ingress: [{ cidr_blocks: U }],
    });
  });
});

test('detection is by content', () => {
  expect(looksLikePlanJson({ format_version: '1.2', resource_changes: [] })).toBe(true);
  expect(looksLikePlanJson({ format_version: '1.2', planned_values: {} })).toBe(true);
  expect(looksLikePlanJson({ format_version: '1.0', values: {} })).toBe(false);
  expect(looksLikePlanJson({ resource: {} })).toBe(false);
});

const change = (address: string, actions: string[], after: unknown, afterUnknown: unknown = {}, extra: Record<string, unknown> = {}) => {
  const parts = address
    .replace(/^module\.[^.]+(\[[^\]]*\])?\./, '')
    .replace(/\[[^\]]*\]$/, '')
    .split('.');
  const [mode, type, name] = parts[0] === 'data' ? ['data', parts[1], parts[2]] : ['managed', parts[0], parts[1]];
  return { address, mode, type, name, change: { actions, after, after_unknown: afterUnknown }, ...extra };
};

describe('resource_changes', () => {
  const plan = {
    format_version: '1.2',
    resource_changes: [
      change('aws_ebs_volume.gone', ['delete'], null),
      change('aws_ebs_volume.replaced', ['delete', 'create'], { encrypted: false }),
      change('aws_ebs_volume.same', ['no-op'], { encrypted: true }),
      change('data.aws_ebs_volume.lookup', ['read'], { encrypted: false }),
      change('module.disks.aws_ebs_volume.inner[0]', ['create'], { encrypted: false }, {}, { module_address: 'module.disks', index: 0 }),
      change('aws_ebs_volume.late', ['create'], {}, { encrypted: true }),
    ],
  };

  test('after values of every kept resource, with module addresses; pure deletes skipped, data kept as data', () => {
    const stack = stackFromPlanJson(plan, { stack: 'p' });
    expect(stack.source).toBe('plan');
    expect(stack.resources.map((r) => [r.address, r.mode])).toEqual([
      ['aws_ebs_volume.replaced', 'managed'],
      ['aws_ebs_volume.same', 'managed'],
      ['data.aws_ebs_volume.lookup', 'data'],
      ['module.disks.aws_ebs_volume.inner[0]', 'managed'],
      ['aws_ebs_volume.late', 'managed'],
    ]);
    expect(stack.resources[4].body.encrypted).toBe(U);
  });

  test('through the CLI: real values checked, unknown-at-plan follows --unknown-values', async () => {
    const dir = writeFiles(tempDir(), { 'plan.json': plan });
    const run = await cli(['check', 'plan.json', '--format', 'json', ...only(ENCRYPTION)], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.violations.map((v: { address: string; kind: string; severity: string }) => [v.address, v.kind, v.severity])).toEqual([
      ['aws_ebs_volume.replaced', 'violation', 'error'],
      ['module.disks.aws_ebs_volume.inner[0]', 'violation', 'error'],
      ['aws_ebs_volume.late', 'unknown', 'error'],
    ]);
    expect(report.violations[2].message).toBe('cannot be verified before apply: encrypted is ${(known after apply)}');
    const relaxed = JSON.parse(
      (await cli(['check', 'plan.json', '--format', 'json', '--unknown-values', 'warning', ...only(ENCRYPTION)], { cwd: dir })).stdout,
    );
    expect(relaxed.violations[2].severity).toBe('warning');
  });
});

test('planned_values is used when resource_changes is absent, child modules included', () => {
  const stack = stackFromPlanJson(
    {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [{ address: 'aws_ebs_volume.a', mode: 'managed', type: 'aws_ebs_volume', name: 'a', values: { encrypted: true } }],
          child_modules: [
            {
              address: 'module.m',
              resources: [{ address: 'module.m.aws_ebs_volume.b', mode: 'managed', type: 'aws_ebs_volume', name: 'b', values: { encrypted: false } }],
              child_modules: [
                {
                  address: 'module.m.module.n',
                  resources: [{ address: 'module.m.module.n.aws_eip.c', mode: 'managed', type: 'aws_eip', name: 'c', values: {} }],
                },
              ],
            },
          ],
        },
      },
    },
    { stack: 'p' },
  );
  expect(stack.resources.map((r) => [r.address, r.body.encrypted])).toEqual([
    ['aws_ebs_volume.a', true],
    ['module.m.aws_ebs_volume.b', false],
    ['module.m.module.n.aws_eip.c', undefined],
  ]);
});

test("the plan's provider configurations (aliases, default tags) and each resource's provider are used", async () => {
  const plan = {
    format_version: '1.2',
    resource_changes: [
      change('aws_eip.west', ['create'], { domain: 'vpc', tags: null }, { id: true }),
      change('aws_eip.east', ['create'], { domain: 'vpc', tags: null }, { id: true }),
    ],
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' }, default_tags: [{ tags: { constant_value: { exposure: 'public' } } }] } },
        'aws.east': { name: 'aws', alias: 'east', expressions: { region: { constant_value: 'us-east-1' } } },
      },
      root_module: {
        resources: [
          { address: 'aws_eip.west', provider_config_key: 'aws', expressions: { domain: { constant_value: 'vpc' } } },
          { address: 'aws_eip.east', provider_config_key: 'aws.east', expressions: { domain: { constant_value: 'vpc' } } },
        ],
      },
    },
  };
  const dir = writeFiles(tempDir(), { 'plan.json': plan });
  const report = JSON.parse((await cli(['check', 'plan.json', '--format', 'json', ...only(PUBLIC_IP)], { cwd: dir })).stdout);
  expect(report.violations.map((v: { address: string; kind: string }) => [v.address, v.kind])).toEqual([['aws_eip.east', 'violation']]);
});

describe('construct paths and suppressions come from the cdk.tf.json the plan was made from', () => {
  const config = cdktfStack(
    'app',
    {
      aws_ebs_volume: {
        disk: { count: 2, availability_zone: 'a', '//': { metadata: { path: 'app/disk', uniqueId: 'disk' } } },
        other: { availability_zone: 'a' },
        legacy: { availability_zone: 'a' },
      },
    },
    {
      '//': {
        metadata: { stackName: 'app' },
        guardrails: {
          suppressions: [
            { ruleId: ENCRYPTION, scope: 'app/disk', reason: 'restored from a legacy snapshot', expires: '2040-01-01' },
            { ruleId: ENCRYPTION, scope: 'app/legacy', reason: 'old volume, migrating in Q3', expires: '2020-01-01' },
          ],
        },
      },
      module: { net: { source: './net', '//': { metadata: { path: 'app/net' } } } },
    },
  );
  const plan = {
    format_version: '1.2',
    resource_changes: [
      change('aws_ebs_volume.disk[0]', ['create'], { encrypted: false }),
      change('aws_ebs_volume.disk[1]', ['create'], { encrypted: false }),
      change('aws_ebs_volume.other', ['create'], { encrypted: false }),
      change('aws_ebs_volume.legacy', ['create'], { encrypted: false }),
      change('module.net.aws_ebs_volume.v', ['create'], { encrypted: false }, {}, { module_address: 'module.net' }),
    ],
  };
  let dir: string;
  beforeAll(() => {
    dir = writeFiles(tempDir(), { 'stacks/app/cdk.tf.json': config, 'stacks/app/plan.json': plan, 'elsewhere/plan.json': plan, 'config.json': config });
  });

  const expectAppMetadata = (report: {
    stacks: { name: string }[];
    suppressed: { address: string }[];
    violations: { address: string; constructPath: string; kind: string }[];
  }) => {
    expect(report.stacks[0].name).toBe('app');
    // A suppression of the resource's construct covers each of its instances.
    expect(report.suppressed.map((s) => s.address)).toEqual(['aws_ebs_volume.disk[0]', 'aws_ebs_volume.disk[1]']);
    expect(report.violations.map((v) => [v.address, v.constructPath, v.kind])).toEqual([
      ['aws_ebs_volume.other', 'app/other', 'violation'],
      // an expired stack-level suppression fails again
      ['aws_ebs_volume.legacy', 'app/legacy', 'expired-suppression'],
      // a module's resources belong to the construct that calls the module
      ['module.net.aws_ebs_volume.v', 'app/net', 'violation'],
    ]);
  };

  test('found next to the plan file', async () => {
    const run = await cli(['check', 'stacks/app/plan.json', '--format', 'json', ...only(ENCRYPTION)], { cwd: dir });
    expect(run.code).toBe(1);
    expectAppMetadata(JSON.parse(run.stdout));
  });

  test('named with --config (here for a plan on stdin)', async () => {
    const run = await cli(['check', '-', '--config', 'config.json', '--format', 'json', ...only(ENCRYPTION)], { cwd: dir, stdin: JSON.stringify(plan) });
    expectAppMetadata(JSON.parse(run.stdout));
  });

  test('without it: no paths, no suppressions, every instance reported', async () => {
    const run = await cli(['check', 'elsewhere/plan.json', '--format', 'json', ...only(ENCRYPTION)], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.stacks[0].name).toBe('plan');
    expect(report.suppressed).toEqual([]);
    expect(report.violations.map((v: { constructPath: string }) => v.constructPath)).toEqual(['plan', 'plan', 'plan', 'plan', 'plan']);
  });
});
