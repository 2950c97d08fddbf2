/**
 * A seeded fuzzer over mutated Terraform JSON, plan JSON and cdktf output directories, through the CLI.
 *
 * Each input holds a canary: an unencrypted volume that no mutation touches. Whatever the mutations do
 * elsewhere (odd shapes, hostile keys, expressions, wrong types), the CLI must either report the canary
 * (exit 1) or refuse the input (exit 2, one clear line): never exit 0, which would mean a mutation
 * somewhere else made it stop checking; never an internal error or a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { ENCRYPTION, cdktfOut, cdktfStack, cli, only, tempDir, writeFiles } from './harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];
interface Mutation {
  readonly at: number;
  readonly op: string;
  readonly value: Json;
  readonly key: string;
}

const SEED = 20261204;
const RUNS = 300;
const RULES = only(ENCRYPTION);

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '//', 'dynamic', 'for_each', 'count'];
const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('${var.x}', '${aws_ebs_volume.canary.id}', '%{ if true }x%{ endif }', [], {}, null, '', 0, -1, true, 'true', [[]], [{}]),
);
const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'wrap', 'hostile-key', 'rename'),
  value: odd,
  key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })),
});
const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });

/** Every path in a document, depth first. */
function pathsOf(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (doc !== null && typeof doc === 'object') for (const k of Object.keys(doc)) pathsOf(doc[k], [...prefix, k], out);
  return out;
}

const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((x, i) => x === b[i]);

function mutate(doc: Json, canary: Path, list: Mutation[]): Json {
  let current: Json = JSON.parse(JSON.stringify(doc));
  for (const m of list) {
    // Never the canary, nor anything on the way to it.
    const candidates = pathsOf(current).filter((p) => p.length > 0 && !isPrefix(p, canary) && !isPrefix(canary, p));
    if (candidates.length === 0) break;
    const target = candidates[m.at % candidates.length];
    current = apply(current, target, m);
  }
  return current;
}

function apply(doc: Json, target: Path, m: Mutation): Json {
  const parentPath = target.slice(0, -1);
  const key = target[target.length - 1];
  let parent: Json = doc;
  for (const p of parentPath) parent = (parent as Record<string, Json>)[p as string];
  const holder = parent as Record<string | number, Json>;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
      break;
    case 'wrap':
      holder[key] = [holder[key]];
      break;
    case 'hostile-key':
      if (holder[key] !== null && typeof holder[key] === 'object' && !Array.isArray(holder[key])) {
        Object.defineProperty(holder[key], m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      } else holder[key] = m.value;
      break;
    case 'rename':
      if (!Array.isArray(holder) && !(m.key in holder)) {
        Object.defineProperty(holder, m.key, { value: holder[key], enumerable: true, writable: true, configurable: true });
        delete holder[key];
      }
      break;
    default:
      holder[key] = m.value;
  }
  return doc;
}

async function expectCanaryCaught(cwd: string, args: string[]): Promise<void> {
  const run = await cli(['check', ...args, '--format', 'json', ...RULES], { cwd });
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (run.code === 2) {
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    return;
  }
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as { violations: { address: string }[] };
  expect(report.violations.map((v) => v.address)).toEqual(expect.arrayContaining([expect.stringMatching(/canary/)]));
}

const canaryVolume = { availability_zone: 'eu-west-1a', size: 10, encrypted: false };
const baseConfig: Json = {
  '//': { metadata: { stackName: 'app', version: '0.21.0', backend: 'local' } },
  terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
  provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { owner: 'a' } }] }] },
  resource: {
    aws_ebs_volume: {
      canary: canaryVolume,
      other: { availability_zone: 'eu-west-1a', encrypted: true, tags: { a: 'b' } },
    },
    aws_instance: {
      web: {
        ami: 'ami-1',
        instance_type: 't3.micro',
        root_block_device: { encrypted: true },
        ebs_block_device: [{ device_name: '/dev/sdb', encrypted: true }],
        tags: {},
      },
    },
    aws_security_group: { sg: { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } },
  },
  data: { aws_ami: { ubuntu: { most_recent: true } } },
  variable: { x: { type: 'string' } },
};

const basePlan: Json = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  planned_values: { root_module: { resources: [] } },
  resource_changes: [
    {
      address: 'aws_ebs_volume.canary',
      mode: 'managed',
      type: 'aws_ebs_volume',
      name: 'canary',
      change: { actions: ['create'], after: canaryVolume, after_unknown: {} },
    },
    {
      address: 'aws_ebs_volume.other',
      mode: 'managed',
      type: 'aws_ebs_volume',
      name: 'other',
      change: { actions: ['create'], after: { availability_zone: 'a', encrypted: true }, after_unknown: { id: true, tags: {} } },
    },
    {
      address: 'module.m.aws_instance.x',
      mode: 'managed',
      type: 'aws_instance',
      name: 'x',
      module_address: 'module.m',
      change: { actions: ['update'], after: { ami: 'a' }, after_unknown: { root_block_device: [{ encrypted: true }] } },
    },
  ],
  configuration: { root_module: { resources: [{ address: 'aws_ebs_volume.other', expressions: { encrypted: { constant_value: true } } }] } },
};

describe('seeded fuzzer: mutations elsewhere never make the CLI miss the canary', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('fuzz-');
  });

  test('Terraform JSON files', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        const doc = mutate(baseConfig, ['resource', 'aws_ebs_volume', 'canary'], list);
        writeFiles(dir, { 'main.tf.json': JSON.stringify(doc) });
        await expectCanaryCaught(dir, ['main.tf.json']);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('plan JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        const doc = mutate(basePlan, ['resource_changes', 0], list);
        writeFiles(dir, { 'plan.json': JSON.stringify(doc) });
        await expectCanaryCaught(dir, ['plan.json']);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  test('cdktf output directories: a mutated stack, manifest and extra files beside the canary stack', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        mutations,
        mutations,
        fc.option(fc.constantFrom('extra.tf.json', 'x_override.tf.json', '.hidden.tf.json', 'notes.txt')),
        async (stackMutations, manifestMutations, extra) => {
          const out = path.join(dir, `out-${n++}`);
          cdktfOut(out, {
            canary: cdktfStack('canary', { aws_ebs_volume: { canary: canaryVolume } }),
            other: cdktfStack('other', { aws_ebs_volume: { fine: { availability_zone: 'a', encrypted: true } } }),
          });
          const otherFile = path.join(out, 'stacks/other/cdk.tf.json');
          writeFiles(out, { 'stacks/other/cdk.tf.json': JSON.stringify(mutate(JSON.parse(fs.readFileSync(otherFile, 'utf8')), ['never'], stackMutations)) });
          const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
          writeFiles(out, { 'manifest.json': JSON.stringify(mutate(manifest, ['stacks', 'canary'], manifestMutations)) });
          if (extra)
            writeFiles(out, { [`stacks/other/${extra}`]: JSON.stringify(mutate(baseConfig, ['resource', 'aws_ebs_volume', 'canary'], stackMutations)) });
          await expectCanaryCaught(dir, [path.basename(out)]);
        },
      ),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
