/**
 * Fail closed on `dynamic` blocks, checked for every rule: in its passing example, moving any nested block
 * (at any depth, in the resource under test or in the other resources it looks at) into a `dynamic` block
 *  - with `for_each = []` is exactly as if the block were not written (Terraform produces none), and
 *  - with a `for_each` that is an expression (a variable, or a plan's "known after apply") never makes the
 *    rule go quiet where leaving the block out is reported: Terraform may produce none.
 */
import type { RuleExample } from '../../engine/rule';
import { UNKNOWN_AFTER_APPLY } from '../../engine/values';
import { builtInRules } from '../../rules';
import { findings } from '../helpers/rule-harness';

type Path = readonly (string | number)[];
type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Attributes that are not nested blocks (maps, meta-arguments), or that hold the dynamic blocks themselves. */
const NOT_BLOCKS = new Set(['dynamic', 'tags', 'tags_all', 'labels', 'lifecycle', 'provider', 'count', 'for_each', 'depends_on', 'content']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every nested block: the path of an object (or of one object in a list of them) under a block-like key. */
function blockPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isPlainObject(value)) return [];
  const found: Path[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (NOT_BLOCKS.has(key)) continue;
    if (isPlainObject(v)) found.push([...prefix, key], ...blockPaths(v, [...prefix, key]));
    if (Array.isArray(v) && v.length > 0 && v.every(isPlainObject)) {
      v.forEach((item, i) => found.push([...prefix, key, i], ...blockPaths(item, [...prefix, key, i])));
    }
  }
  return found;
}

/** Where the block at `path` sits: its parent object, its name, and its index when it is one of a list. */
function locate(root: Record<string, unknown>, path: Path) {
  const index = typeof path[path.length - 1] === 'number' ? (path[path.length - 1] as number) : undefined;
  const namePath = index === undefined ? path : path.slice(0, -1);
  let parent = root as Record<string, unknown>;
  for (const key of namePath.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Record<string, unknown>;
  return { parent, name: namePath[namePath.length - 1] as string, index };
}

/** The block at `path` taken out, and (unless `forEach` is undefined) written back as a dynamic block. */
function rewritten(root: Record<string, unknown>, path: Path, forEach?: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(root));
  const { parent, name, index } = locate(copy, path);
  let block: unknown;
  if (index === undefined) {
    block = parent[name];
    delete parent[name];
  } else {
    const list = parent[name] as unknown[];
    [block] = list.splice(index, 1);
    if (list.length === 0) delete parent[name];
  }
  if (forEach !== undefined) {
    const existing = parent.dynamic === undefined ? [] : Array.isArray(parent.dynamic) ? parent.dynamic : [parent.dynamic];
    parent.dynamic = [...existing, { [name]: { for_each: forEach, content: block } }];
  }
  return copy;
}

interface Site {
  readonly where: string;
  readonly variant: (forEach?: unknown) => Resources;
}

/** Every nested block of the example, in the subject and in the other resources, as a rewrite of the whole set. */
function sites(example: RuleExample): Site[] {
  const resources: Resources = {
    ...(example.others ?? {}),
    [example.resourceType]: { ...(example.others?.[example.resourceType] ?? {}), example: example.body },
  };
  const result: Site[] = [];
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(byName)) {
      for (const path of blockPaths(body)) {
        result.push({
          where: `${type}.${name}.${path.join('.')}`,
          variant: (forEach) => ({ ...resources, [type]: { ...resources[type], [name]: rewritten(body, path, forEach) } }),
        });
      }
    }
  }
  return result;
}

const withExamples = builtInRules.filter((r) => r.examples);

describe('dynamic blocks are read by what Terraform may produce', () => {
  test.each(withExamples.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const example = rule.examples!.passing;
    const subject = `${example.resourceType}.example`;
    const kindsOn = (resource: Resources) =>
      [
        ...new Set(
          findings(rule, { resource: JSON.parse(JSON.stringify(resource)) })
            .filter((v) => v.address === subject)
            .map((v) => v.kind),
        ),
      ].sort();
    const problems: string[] = [];
    for (const site of sites(example)) {
      const removed = kindsOn(site.variant());
      const empty = kindsOn(site.variant([]));
      if (empty.join() !== removed.join()) problems.push(`${site.where}: for_each = [] gives [${empty}], leaving the block out gives [${removed}]`);
      if (removed.length === 0) continue;
      for (const expression of ['${var.items}', UNKNOWN_AFTER_APPLY]) {
        if (kindsOn(site.variant(expression)).length === 0)
          problems.push(`${site.where}: for_each = ${expression} passes, though leaving the block out gives [${removed}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the property reaches the blocks that matter (it is not vacuous)', () => {
    const checked = withExamples.flatMap((r) => sites(r.examples!.passing).map((s) => `${r.id}: ${s.where}`));
    expect(checked).toEqual(
      expect.arrayContaining([
        'volume-encryption-required: aws_instance.example.root_block_device',
        'imdsv2-required: aws_instance.example.metadata_options',
        'lb-access-logs: aws_lb.example.access_logs',
      ]),
    );
  });
});
