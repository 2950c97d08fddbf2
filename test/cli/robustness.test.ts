/**
 * Terraform JSON that cdktf did not write: each case reads without a crash and gives the findings (or
 * the unknowns) the configuration deserves.
 */
import * as path from 'path';
import { ENCRYPTION, PUBLIC_IP, cli, only, tempDir, writeFiles } from './harness';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

interface Finding {
  ruleId: string;
  address: string;
  kind: string;
  attribute?: string;
  message: string;
  file?: string;
}

async function check(name: string, doc: unknown, rules = only(ENCRYPTION, PUBLIC_IP), extra: string[] = []) {
  writeFiles(dir, { [name]: doc });
  const run = await cli(['check', name, '--format', 'json', ...rules, ...extra], { cwd: dir });
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  const report = JSON.parse(run.stdout);
  const findings = (report.violations as Finding[]).map((v) => `${v.ruleId} ${v.address} ${v.kind} ${v.attribute ?? ''}`.trim());
  return { run, report, findings, violations: report.violations as Finding[] };
}

const vol = (body: Record<string, unknown>) => ({ availability_zone: 'eu-west-1a', size: 1, ...body });
const APPROVED = { exposure: 'public' };

test('dynamic blocks, one level and nested, are checked like static ones', async () => {
  const { findings } = await check(
    'dynamic.json',
    {
      resource: {
        aws_instance: {
          web: {
            ami: 'ami-1',
            instance_type: 't3.micro',
            subnet_id: 'subnet-1',
            associate_public_ip_address: false,
            root_block_device: { encrypted: true },
            dynamic: { ebs_block_device: { for_each: '${var.disks}', content: { device_name: '${ebs_block_device.key}', encrypted: false } } },
          },
        },
        aws_launch_template: {
          lt: {
            dynamic: [
              {
                block_device_mappings: {
                  for_each: '${var.mappings}',
                  content: {
                    device_name: '/dev/xvda',
                    dynamic: { ebs: { for_each: '${[1]}', content: { encrypted: '${block_device_mappings.value.enc}' } } },
                  },
                },
              },
            ],
          },
        },
      },
    },
    only(ENCRYPTION),
  );
  expect(findings).toEqual([
    `${ENCRYPTION} aws_instance.web violation dynamic.ebs_block_device.content.encrypted`,
    `${ENCRYPTION} aws_launch_template.lt unknown dynamic.block_device_mappings.content.dynamic.ebs.content.encrypted`,
    // A mapping whose device_name comes from the iterator may or may not be the root device.
    `${ENCRYPTION} aws_launch_template.lt unknown dynamic.block_device_mappings.content.device_name`,
  ]);
});

test('count and for_each: count = 0 creates nothing; a for_each over an expression is unknown, not passed', async () => {
  const { findings, report } = await check(
    'count.json',
    {
      resource: {
        aws_ebs_volume: {
          none: vol({ count: 0 }),
          none_each: vol({ for_each: {} }),
          three: vol({ count: 3, encrypted: true }),
          each: vol({ for_each: '${var.volumes}', encrypted: '${each.value.encrypted}' }),
        },
      },
    },
    only(ENCRYPTION),
  );
  expect(findings).toEqual([`${ENCRYPTION} aws_ebs_volume.each unknown encrypted`]);
  expect(report.summary.resourcesChecked).toBe(2);
});

test('whole values that are expressions (`${merge(...)}`) are unknown', async () => {
  const { findings, violations } = await check('merge.json', {
    resource: {
      aws_eip: { ip: { domain: 'vpc', tags: '${merge(local.tags, { exposure = "public" })}' } },
      aws_instance: { i: { ami: 'a', instance_type: 't3.micro', subnet_id: 's', associate_public_ip_address: false, root_block_device: '${var.root}' } },
    },
  });
  expect(findings).toEqual([`${PUBLIC_IP} aws_eip.ip unknown tags`, `${ENCRYPTION} aws_instance.i unknown root_block_device`]);
  expect(violations[0].message).toContain('${merge(local.tags');
});

test('provider blocks as a list (with an alias) are read: default tags approve, the aliased one does not', async () => {
  const { findings } = await check(
    'providers.json',
    {
      provider: {
        aws: [
          { region: 'eu-west-1', default_tags: [{ tags: APPROVED }] },
          { alias: 'east', region: 'us-east-1' },
        ],
      },
      resource: { aws_eip: { west: { domain: 'vpc' }, east: { domain: 'vpc', provider: 'aws.east' } } },
    },
    only(PUBLIC_IP),
  );
  expect(findings).toEqual([`${PUBLIC_IP} aws_eip.east violation tags`]);
});

test('a nested block named `provider` is not the provider meta-argument', async () => {
  const { findings } = await check(
    'provider-block.json',
    {
      provider: [{ aws: { region: 'eu-west-1', default_tags: { tags: APPROVED } } }],
      resource: { aws_eip: { ip: { domain: 'vpc', provider: { name: 'a block of the resource, not aws.something' } } } },
    },
    only(PUBLIC_IP),
  );
  expect(findings).toEqual([]);
});

test('a file with no resource key is a stack with nothing to check', async () => {
  const { run, report } = await check('vars.json', { variable: { x: { default: 1 } }, output: { y: { value: '${var.x}' } } });
  expect(run.code).toBe(0);
  expect(report.summary.resourcesChecked).toBe(0);
});

test('`resource` and bodies as lists, null bodies and data sources are read as Terraform reads them', async () => {
  const { findings, report } = await check(
    'lists.json',
    {
      data: { aws_ami: { ubuntu: { most_recent: true } } },
      // A null body is no block at all; `[null]` is one empty block (checked, and every attribute missing).
      resource: [{ aws_ebs_volume: [{ a: vol({ encrypted: true }) }, { b: [vol({})] }] }, { aws_ebs_volume: { c: [null], d: null, e: [] } }],
    },
    only(ENCRYPTION),
  );
  expect(findings).toEqual([`${ENCRYPTION} aws_ebs_volume.b violation encrypted`, `${ENCRYPTION} aws_ebs_volume.c violation encrypted`]);
  expect(report.summary.resourcesChecked).toBe(3);
});

test('module calls are reported as unknown (module-contents-unverified), never silently passed', async () => {
  const { run, report } = await check(
    'modules.json',
    {
      module: {
        vpc: { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0', '//': { metadata: { path: 'app/vpc' } } },
        db: [{ source: 'git::https://example.com/modules/db.git' }],
      },
      resource: { aws_ebs_volume: { v: vol({ encrypted: true }) } },
    },
    only(ENCRYPTION, 'module-contents-unverified'),
  );
  expect(run.code).toBe(1);
  const modules = report.violations.filter((v: Finding) => v.ruleId === 'module-contents-unverified');
  expect(modules.map((v: Finding & { constructPath: string }) => [v.address, v.kind, v.constructPath])).toEqual([
    ['module.vpc', 'unknown', 'app/vpc'],
    ['module.db', 'unknown', 'modules'],
  ]);
  expect(modules[0].message).toContain('(source terraform-aws-modules/vpc/aws)');
  const relaxed = await cli(['check', 'modules.json', '--unknown-values', 'warning', ...only(ENCRYPTION, 'module-contents-unverified')], { cwd: dir });
  expect(relaxed.code).toBe(0);
  expect(relaxed.stdout).toMatch(/module\.vpc/);
});

test('a byte order mark is accepted', async () => {
  writeFiles(dir, { 'bom.json': `\uFEFF${JSON.stringify({ resource: { aws_ebs_volume: { v: vol({}) } } })}` });
  const run = await cli(['check', 'bom.json', ...only(ENCRYPTION)], { cwd: dir });
  expect(run.code).toBe(1);
});

describe('a directory of *.tf.json is one module', () => {
  beforeAll(() => {
    writeFiles(path.join(dir, 'module'), {
      'compute.tf.json': {
        resource: { aws_instance: { web: { ami: 'a', instance_type: 't3.micro', tags: APPROVED, root_block_device: { encrypted: true } } } },
      },
      'network.tf.json': { resource: { aws_eip: { ip: { domain: 'vpc', instance: '${aws_instance.web.id}', tags: APPROVED } } } },
      'disks.tf.json': { resource: { aws_ebs_volume: { data: vol({ encrypted: true }) } } },
      'disks_override.tf.json': { resource: { aws_ebs_volume: { data: { encrypted: false } } } },
      '.hidden.tf.json': { resource: { aws_ebs_volume: { ignored: vol({}) } } },
      'backup.tf.json~': 'not read by Terraform either',
    });
  });

  test('references across files resolve, override files apply, findings name the file of their resource', async () => {
    const run = await cli(['check', 'module', '--format', 'json', ...only(ENCRYPTION, PUBLIC_IP)], { cwd: dir });
    const report = JSON.parse(run.stdout);
    // The EIP's target is found in another file, and it is approved: no unknown "not in this stack".
    expect(report.violations.map((v: Finding) => [v.address, v.kind, v.file])).toEqual([['aws_ebs_volume.data', 'violation', 'module/disks.tf.json']]);
    // Files Terraform ignores (hidden, editor backups) are ignored here too; nothing else is.
    expect(report.stacks).toEqual([{ name: 'module', file: 'module', resources: 3, source: 'config' }]);
    expect(run.stderr).toBe('');
  });
});

test('several inputs with the same stack name stay apart in reports', async () => {
  writeFiles(dir, { 'a/main.tf.json': { resource: { aws_ebs_volume: { v: vol({}) } } }, 'b/main.tf.json': { resource: { aws_ebs_volume: { v: vol({}) } } } });
  const run = await cli(['check', 'a/main.tf.json', 'b/main.tf.json', '--format', 'json', ...only(ENCRYPTION)], { cwd: dir });
  const report = JSON.parse(run.stdout);
  expect(report.stacks.map((s: { name: string }) => s.name)).toEqual(['main', 'main (b/main.tf.json)']);
});

test('every input file is read once (a huge file is never read twice)', async () => {
  const fs = jest.requireActual<typeof import('fs')>('fs');
  const big = { resource: { aws_ebs_volume: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`v${i}`, vol({ encrypted: true })])) } };
  const out = path.join(dir, 'read-once');
  writeFiles(out, {
    'manifest.json': { version: '0.21.0', stacks: { big: { name: 'big', synthesizedStackPath: 'stacks/big/cdk.tf.json' } } },
    'stacks/big/cdk.tf.json': big,
    'stacks/big/plan.json': { format_version: '1.2', resource_changes: [] },
  });
  const spy = jest.spyOn(fs, 'openSync');
  try {
    const run = await cli(['check', 'read-once', 'read-once/stacks/big/plan.json', ...only(ENCRYPTION)], { cwd: dir });
    expect(run.code).toBe(0);
    const reads = spy.mock.calls.map(([file]) => path.relative(out, String(file))).filter((f) => !f.startsWith('..'));
    // cdk.tf.json is used twice (as a stack, and as the plan's configuration) and read once.
    expect(reads.sort()).toEqual(['manifest.json', 'stacks/big/cdk.tf.json', 'stacks/big/plan.json']);
  } finally {
    spy.mockRestore();
  }
});
