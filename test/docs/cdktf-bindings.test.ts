/**
 * engine/docs/cdktf-bindings.ts is generated from the installed provider bindings by
 * scripts/generate-cdktf-bindings.js. It must match what the installed providers say now (a provider
 * upgrade or a new rule example regenerates it), and what it records must be read from the bindings, not
 * guessed from the snake_case → camelCase rule: these tests pin names and shapes that only the bindings know.
 */
import type { CdktfBindingTable } from '../../engine/docs/cdktf-binding-types';
import { CDKTF_BINDINGS } from '../../engine/docs/cdktf-bindings';
import { cdktfTypesOf } from '../../engine/docs/cdktf-rule-types';
import type { RuleMetadata } from '../../engine/rule';
import { builtInRules } from '../../rules';

const generator = require('../../scripts/generate-cdktf-bindings.js') as {
  generateTable(rules: readonly RuleMetadata[], typesOf: typeof cdktfTypesOf): CdktfBindingTable;
  COMMAND: string;
};

/** A rule whose only purpose is to make the generator read these types and fields. */
function probe(examples: Record<string, Record<string, unknown>>, fix = ''): RuleMetadata {
  const [[firstType, firstBody], ...rest] = Object.entries(examples);
  const example = { resourceType: firstType, body: firstBody, others: Object.fromEntries(rest.map(([t, b]) => [t, { other: b }])) };
  return { id: 'probe', title: 'probe', severity: 'error', resourceTypes: Object.keys(examples), rationale: '', fix, examples: { failing: example, passing: example } };
}

test('the committed table is what the installed provider bindings and the rules give now', () => {
  const expected = generator.generateTable(builtInRules, cdktfTypesOf);
  if (JSON.stringify(CDKTF_BINDINGS) !== JSON.stringify(expected)) {
    // The message says how to fix it; the diff below says what changed.
    expect(`engine/docs/cdktf-bindings.ts is out of date: run ${generator.COMMAND}`).toBe('');
  }
  expect(CDKTF_BINDINGS).toEqual(expected);
}, 60_000);

test('it covers every resource type the rules use, with a deep import path', () => {
  const types = new Set(builtInRules.flatMap(cdktfTypesOf));
  for (const type of types) {
    if (type === 'module' || CDKTF_BINDINGS.unbound.includes(type) || !type.includes('_')) continue;
    const binding = CDKTF_BINDINGS.bindings[type];
    expect([type, binding?.module]).toEqual([type, expect.stringMatching(/^(@cdktf\/provider-(aws|digitalocean)\/lib\/[a-z0-9-]+|cdktf-guardrails\/tailscale)$/)]);
  }
  // lib/tailscale binds every tailscale type a rule covers.
  expect(CDKTF_BINDINGS.unbound).toEqual([]);
});

describe('read from the bindings, not guessed', () => {
  const table = generator.generateTable(
    [
      probe({
        aws_instance: { get_password_data: true, metadata_options: { http_tokens: 'required' }, ebs_block_device: [{ encrypted: true }] },
        aws_security_group: { ingress: [{ self: true }] },
        aws_cloudtrail: { advanced_event_selector: [{ field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }] },
        aws_s3_bucket_versioning: { bucket: 'b', versioning_configuration: { status: 'Enabled' } },
        tailscale_tailnet_key: { reusable: false, recreate_if_invalid: 'never' },
      }),
    ],
    cdktfTypesOf,
  );
  const b = table.bindings;

  test('renames cdktf makes to avoid clashes', () => {
    expect(b.aws_instance.fields.get_password_data).toEqual({ name: 'fetchPasswordData', type: 'boolean' });
    expect(b.aws_security_group.fields.ingress).toMatchObject({ list: { block: { self: { name: 'selfAttribute', type: 'boolean' } } } });
    expect(b.aws_cloudtrail.fields.advanced_event_selector).toMatchObject({
      list: { block: { field_selector: { list: { block: { equals: { name: 'equalTo', type: { list: 'string' } } } } } } },
    });
    // A class name cdktf suffixed because a struct of aws_s3_bucket already has it.
    expect(b.aws_s3_bucket_versioning).toMatchObject({ className: 'S3BucketVersioningA', module: '@cdktf/provider-aws/lib/s3-bucket-versioning' });
  });

  test('a block cdktf takes as one object, a repeated block as an array', () => {
    expect(b.aws_instance.fields.metadata_options).toEqual({ block: { http_tokens: 'string' } });
    expect(b.aws_instance.fields.ebs_block_device).toMatchObject({ list: { block: { encrypted: 'boolean' } } });
    expect(b.aws_s3_bucket_versioning.fields.versioning_configuration).toMatchObject({ block: { status: 'string' }, required: ['status'] });
  });

  test('the fields the config requires, and the hand-written tailscale bindings', () => {
    expect(b.aws_s3_bucket_versioning.required).toEqual(['bucket', 'versioning_configuration']);
    expect(b.tailscale_tailnet_key).toEqual({
      module: 'cdktf-guardrails/tailscale',
      className: 'TailscaleTailnetKey',
      fields: { recreate_if_invalid: 'string', reusable: 'boolean' },
    });
    // The providers of the types used, for provider settings a fix names (AWS default_tags).
    expect(b.aws).toMatchObject({ module: '@cdktf/provider-aws/lib/provider', className: 'AwsProvider' });
  });
});
