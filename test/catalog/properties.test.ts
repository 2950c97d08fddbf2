/**
 * Property-based tests over the whole catalog (fast-check):
 * 1. no configuration, however odd, makes a rule throw (a throw would surface as a `rule-error` finding);
 * 2. a configuration a rule passes stays passing when attributes no rule reads are added or changed.
 */
import fc from 'fast-check';
import { evaluate } from '../../engine/evaluate';
import { resolveOptions } from '../../engine/options';
import type { RuleExample } from '../../engine/rule';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { builtInRules } from '../../rules';

const strict = resolveOptions({ profile: 'strict' }, builtInRules);
const exactTypes = [...new Set(builtInRules.flatMap((r) => r.resourceTypes.filter((t) => !t.endsWith('*'))))].sort();

// Attribute names rules actually read, so random bodies hit real code paths, plus arbitrary ones.
const knownNames = [
  'encrypted',
  'kms_key_id',
  'tags',
  'ingress',
  'egress',
  'inbound_rule',
  'outbound_rule',
  'cidr_blocks',
  'ipv6_cidr_blocks',
  'from_port',
  'to_port',
  'protocol',
  'port_range',
  'source_addresses',
  'metadata_options',
  'http_tokens',
  'user_data',
  'user_data_base64',
  'policy',
  'assume_role_policy',
  'root_block_device',
  'ebs_block_device',
  'block_device_mappings',
  'ebs',
  'associate_public_ip_address',
  'subnet_id',
  'internal',
  'droplet_ids',
  'droplet_id',
  'ssh_keys',
  'acl',
  'versioning',
  'bucket',
  'statement',
  'effect',
  'actions',
  'resources',
  'principals',
  'dynamic',
  'content',
  'for_each',
  'count',
  'provider',
  'network_interfaces',
  'storage_encrypted',
  'publicly_accessible',
  'description',
  'default_action',
  'ssl_policy',
  'load_balancer_arn',
  'vpc_id',
  'rule',
  'status',
  'versioning_configuration',
  'apply_server_side_encryption_by_default',
  'sse_algorithm',
  'enable_key_rotation',
  'engine',
];
const expression = fc.constantFrom('${var.x}', '${aws_instance.a.id}', '${merge(var.a, var.b)}', 'x-${local.y}', '%{ if true }a%{ endif }', '${each.value}');
const scalar = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string(),
  expression,
  fc.constant(null),
  fc.constantFrom('true', 'false', '0.0.0.0/0', '::/0', '22', 'all', '-1'),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...knownNames), fc.string()), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const body = fc.dictionary(fc.oneof(fc.constantFrom(...knownNames), fc.string({ maxLength: 8 })), value, { maxKeys: 8 });

describe('catalog properties', () => {
  test('random configurations never make a rule throw', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...exactTypes), body), { minLength: 1, maxLength: 4 }), (resources) => {
        const doc: Record<string, Record<string, unknown>> = {};
        resources.forEach(([type, b], i) => {
          doc[type] = { ...(doc[type] ?? {}), [`r${i}`]: b };
        });
        // Through JSON, as every real input arrives (no prototype-less objects, no undefined).
        const json = JSON.parse(JSON.stringify({ resource: doc, provider: { aws: [{ region: 'eu-west-1' }] } }));
        const result = evaluate([stackFromTerraformJson(json, { stack: 'p' })], strict);
        const errors = result.violations.filter((v) => v.kind === 'rule-error');
        if (errors.length > 0) throw new Error(errors.map((e) => `${e.ruleId}: ${e.message}`).join('\n'));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  const passing = builtInRules.filter((r) => r.examples).map((r) => [r.id, r.examples!.passing] as const);

  test.each(passing)('%s: a passing example stays passing when irrelevant attributes change', (id, example: RuleExample) => {
    const only = resolveOptions(
      { profile: 'strict', rules: Object.fromEntries(builtInRules.map((r) => [r.id, r.id === id ? r.severity : 'off'])) },
      builtInRules,
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 6 }).map((s) => `zz_irrelevant_${s}`),
          value,
          { maxKeys: 4 },
        ),
        (extra) => {
          const doc = JSON.parse(
            JSON.stringify({
              resource: {
                ...(example.others ?? {}),
                [example.resourceType]: { ...(example.others?.[example.resourceType] ?? {}), example: { ...example.body, ...extra } },
              },
            }),
          );
          const found = evaluate([stackFromTerraformJson(doc, { stack: 'p' })], only).violations.filter((v) => v.address === `${example.resourceType}.example`);
          return found.length === 0;
        },
      ),
      { numRuns: 30 },
    );
  });
});

/**
 * Fail closed, checked for every rule: in its failing example, replacing any one value (at any depth)
 * with an expression Terraform evaluates later must never make the rule go quiet: it still reports a
 * violation, or says the value is unknown.
 */
describe('no rule passes a value it cannot know', () => {
  const failing = builtInRules.filter((r) => r.examples).map((r) => [r.id, r.examples!.failing] as const);

  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
    if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
    return [prefix];
  }

  function replaced(body: Record<string, unknown>, at: (string | number)[], expression: string): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(body));
    let node = copy;
    for (const key of at.slice(0, -1)) node = node[key];
    node[at[at.length - 1]] = expression;
    return copy;
  }

  test.each(failing)('%s', (id, example: RuleExample) => {
    const only = resolveOptions(
      { profile: 'strict', rules: Object.fromEntries(builtInRules.map((r) => [r.id, r.id === id ? r.severity : 'off'])) },
      builtInRules,
    );
    const quiet: string[] = [];
    for (const at of paths(example.body).filter((p) => p.length > 0 && p[0] !== 'count' && p[0] !== 'for_each')) {
      const body = replaced(example.body, at, '${var.unknown_at_synth}');
      const doc = { resource: { ...(example.others ?? {}), [example.resourceType]: { ...(example.others?.[example.resourceType] ?? {}), example: body } } };
      const found = evaluate([stackFromTerraformJson(JSON.parse(JSON.stringify(doc)), { stack: 'p' })], only).violations.filter(
        (v) => v.address === `${example.resourceType}.example`,
      );
      if (found.length === 0) quiet.push(at.join('.'));
    }
    expect(quiet).toEqual([]);
  });
});
