/**
 * Shapes Terraform rejects are bad input (exit 2, one line naming the file and the block), never an
 * empty pass; shapes Terraform accepts are read as it reads them. Each "rejects" case below was checked
 * with `terraform validate` (1.11): "Incorrect JSON value type", "Missing block label", "Invalid resource
 * name", "Duplicate resource". Plans: what `terraform show -json` never writes is refused the same way.
 */
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { stackFromPlanJson } from '../../engine/input/plan-json';
import { GuardrailInputError } from '../../engine/input/input-error';
import { ENCRYPTION, cli, expectOneLineError, only, tempDir, writeFiles } from '../cli/harness';

const read = (doc: Record<string, unknown>) => stackFromTerraformJson(doc, { stack: 's', file: 'main.tf.json' });
const vol = { availability_zone: 'a', size: 1 };

describe('Terraform JSON that Terraform rejects', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['`resource` as a string', { resource: 'x' }, '`resource` must be a JSON object naming each resource type'],
    ['`resource` as null', { resource: null }, '`resource` must be a JSON object'],
    ['`resource` as an empty object', { resource: {} }, '`resource` names no resource type'],
    ['`resource` as an empty array', { resource: [] }, '`resource` names no resource type'],
    ['`resource` as an array of strings', { resource: ['x'] }, '`resource[0]` must be a JSON object'],
    ['a resource type as a string', { resource: { aws_instance: 'x' } }, '`resource.aws_instance` must be a JSON object naming each resource name'],
    ['a resource type with no names', { resource: { aws_instance: {} } }, '`resource.aws_instance` names no resource name'],
    ['a resource type as null', { resource: { aws_instance: null } }, '`resource.aws_instance` must be a JSON object'],
    ['a body that is a string', { resource: { aws_instance: { web: 'x' } } }, "`resource.aws_instance.web` must be a JSON object (the block's arguments)"],
    ['a body that is a number', { resource: { aws_ebs_volume: { v: 1 } } }, '`resource.aws_ebs_volume.v` must be a JSON object'],
    ['a body list holding a string', { resource: { aws_ebs_volume: { v: ['x'] } } }, '`resource.aws_ebs_volume.v[0]` must be a JSON object'],
    ['two bodies for one address', { resource: { aws_ebs_volume: { v: [vol, vol] } } }, 'aws_ebs_volume.v is declared more than once ("Duplicate resource")'],
    [
      'one address in two list items',
      { resource: [{ aws_ebs_volume: { v: vol } }, { aws_ebs_volume: { v: vol } }] },
      'aws_ebs_volume.v is declared more than once',
    ],
    [
      'a resource name that is not an identifier',
      { resource: { aws_ebs_volume: { 'a b': vol } } },
      '`resource.aws_ebs_volume` has "a b", which is not a valid resource name',
    ],
    [
      'a resource name with a control character',
      { resource: { aws_ebs_volume: { 'a\u001b[31m': vol } } },
      '`resource.aws_ebs_volume` has "a\\u001b[31m", which is not a valid resource name',
    ],
    [
      'a resource name starting with a digit',
      { resource: { aws_ebs_volume: { '1a': vol } } },
      '`resource.aws_ebs_volume` has "1a", which is not a valid resource name',
    ],
    [
      'a resource type that is not an identifier',
      { resource: { 'aws instance': { a: {} } } },
      '`resource` has "aws instance", which is not a valid resource type',
    ],
    ['`data` as an empty object', { data: {} }, '`data` names no data type'],
    ['a data body that is a number', { data: { aws_ami: { a: 1 } } }, '`data.aws_ami.a` must be a JSON object'],
    ['a module call that is a string', { module: { vpc: 'x' } }, '`module.vpc` must be a JSON object'],
    ['`module` as an empty object', { module: {} }, '`module` names no module name'],
    ['two calls of one module', { module: { vpc: [{ source: './a' }, { source: './a' }] } }, 'module.vpc is declared more than once ("Duplicate module call")'],
    ['`provider` as a string', { provider: 'x' }, '`provider` must be a JSON object naming each provider name'],
    ['`provider` as an empty object', { provider: {} }, '`provider` names no provider name'],
    ['a provider configuration that is a string', { provider: { aws: 'x' } }, '`provider.aws` must be a JSON object'],
    [
      'suppressions that are not a list',
      { '//': { guardrails: { suppressions: { ruleId: ENCRYPTION } } }, resource: { aws_ebs_volume: { v: vol } } },
      '//.guardrails.suppressions must be an array',
    ],
  ])('%s', (_name, doc, problem) => {
    let error: unknown;
    try {
      read(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GuardrailInputError);
    expect((error as Error).message).toContain(`main.tf.json: ${problem}`);
    expect((error as Error).message).not.toMatch(/[\n\u001b]/);
  });

  test('through the CLI: exit 2, one line, naming the file and the block', async () => {
    const dir = writeFiles(tempDir(), { 'bad.tf.json': { resource: { aws_instance: { web: 'x' } } }, 'empty.tf.json': { resource: [] } });
    expectOneLineError(
      await cli(['check', 'bad.tf.json'], { cwd: dir }),
      'bad.tf.json: `resource.aws_instance.web` must be a JSON object',
      'Terraform rejects',
    );
    expectOneLineError(await cli(['check', 'empty.tf.json'], { cwd: dir }), 'empty.tf.json: `resource` names no resource type');
  });
});

describe('Terraform JSON that Terraform accepts, read as it reads it', () => {
  test('a null body is no block, `[]` no blocks, `[null]` one empty block; null provider configurations likewise', () => {
    const stack = read({
      resource: { aws_ebs_volume: { gone: null, none: [], empty: [null], one: [vol] } },
      provider: { aws: [null], digitalocean: null, tailscale: [] },
      module: { skipped: null },
    });
    expect(stack.resources.map((r) => [r.address, r.body])).toEqual([
      ['aws_ebs_volume.empty', {}],
      ['aws_ebs_volume.one', vol],
    ]);
    expect(stack.providers).toEqual([{ type: 'aws', body: {} }]);
  });

  test('an empty block is checked and fails closed', async () => {
    const dir = writeFiles(tempDir(), { 'e.tf.json': { resource: { aws_ebs_volume: { empty: [null] } } } });
    const run = await cli(['check', 'e.tf.json', ...only(ENCRYPTION)], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('aws_ebs_volume.empty');
  });

  test('labels spread over a list of objects, names with dashes, underscores and letters beyond ASCII', () => {
    const stack = read({ resource: [{}, { aws_ebs_volume: [{}, { 'a-b': vol, _c: vol, é1: vol }] }] });
    expect(stack.resources.map((r) => r.address)).toEqual(['aws_ebs_volume.a-b', 'aws_ebs_volume._c', 'aws_ebs_volume.é1']);
  });
});

describe('plans that `terraform show -json` never writes', () => {
  const entry = (extra: Record<string, unknown> = {}, change: Record<string, unknown> = {}) => ({
    address: 'aws_ebs_volume.v',
    mode: 'managed',
    type: 'aws_ebs_volume',
    name: 'v',
    change: { actions: ['create'], after: { encrypted: false }, after_unknown: {}, ...change },
    ...extra,
  });
  const without = (key: string) => {
    const e: Record<string, unknown> = entry();
    delete e[key];
    return e;
  };
  test.each<[string, Record<string, unknown>, string]>([
    ['resource_changes as an object', { resource_changes: { a: entry() } }, 'resource_changes is an object, not an array'],
    ['resource_changes as a string', { resource_changes: 'x' }, 'resource_changes is a string, not an array'],
    ['resource_changes as null', { resource_changes: null }, 'resource_changes is null, not an array'],
    ['an entry that is not an object', { resource_changes: ['x'] }, 'resource_changes[0] is a string, not an object'],
    ['an entry without address', { resource_changes: [without('address')] }, 'resource_changes[0] has no address'],
    ['an entry without type', { resource_changes: [without('type')] }, 'resource_changes[0] has no type'],
    ['an entry without name', { resource_changes: [without('name')] }, 'resource_changes[0] has no name'],
    ['an entry without mode', { resource_changes: [without('mode')] }, 'resource_changes[0] has no mode'],
    ['an entry with an unknown mode', { resource_changes: [entry({ mode: 'ephemeral' })] }, 'has mode "ephemeral"'],
    ['an entry without change', { resource_changes: [without('change')] }, 'resource_changes[0] (aws_ebs_volume.v) has no change object'],
    ['a change without actions', { resource_changes: [entry({}, { actions: undefined })] }, 'has no change.actions list'],
    ['a change with empty actions', { resource_changes: [entry({}, { actions: [] })] }, 'has no change.actions list'],
    ['after as a string', { resource_changes: [entry({}, { after: 'x' })] }, 'has change.after a string, not an object'],
    ['after_unknown as a list', { resource_changes: [entry({}, { after_unknown: [] })] }, 'has change.after_unknown an array'],
    ['module_address as a number', { resource_changes: [entry({ module_address: 1 })] }, 'has module_address a number'],
    ['planned_values as a string', { planned_values: 'x' }, 'planned_values is a string, not an object'],
    ['planned_values.root_module as a list', { planned_values: { root_module: [] } }, 'planned_values.root_module is an array, not an object'],
    [
      'planned resources as an object',
      { planned_values: { root_module: { resources: {} } } },
      'planned_values.root_module.resources is an object, not an array',
    ],
    [
      'a planned resource without type',
      { planned_values: { root_module: { resources: [{ address: 'a.b', mode: 'managed', name: 'b' }] } } },
      'planned_values.root_module.resources[0] has no type',
    ],
    ['child modules as an object', { planned_values: { root_module: { child_modules: {} } } }, 'child_modules is an object, not an array'],
    ['a child module without address', { planned_values: { root_module: { child_modules: [{ resources: [] }] } } }, 'child_modules[0] has no address'],
    ['configuration as a string', { resource_changes: [], configuration: 'x' }, 'configuration is a string, not an object'],
    [
      'configuration resources as an object',
      { resource_changes: [], configuration: { root_module: { resources: {} } } },
      'configuration.root_module.resources is an object',
    ],
    [
      'module_calls as a list',
      { resource_changes: [], configuration: { root_module: { module_calls: [] } } },
      'configuration.root_module.module_calls is an array',
    ],
  ])('%s', (_name, fields, problem) => {
    expect(() => stackFromPlanJson({ format_version: '1.2', ...fields }, { stack: 's', file: 'plan.json' })).toThrow(
      new GuardrailInputError('plan.json', `${problem}`).message.replace(/^plan\.json: /, ''),
    );
  });

  test('a format version other than 1.x cannot be checked', () => {
    expect(() => stackFromPlanJson({ format_version: '2.0', resource_changes: [] }, { stack: 's', file: 'plan.json' })).toThrow(
      'plan.json: has plan format_version "2.0"; only 1.x',
    );
  });

  test('through the CLI: exit 2, one line naming the file', async () => {
    const dir = writeFiles(tempDir(), { 'plan.json': { format_version: '1.2', resource_changes: { 'aws_ebs_volume.v': entry() } } });
    expectOneLineError(
      await cli(['check', 'plan.json'], { cwd: dir }),
      'plan.json: resource_changes is an object, not an array (not a plan as `terraform show -json` writes it)',
    );
  });
});
