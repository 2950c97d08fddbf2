/**
 * How the renderer writes what Terraform JSON can say and a cdktf literal cannot (the type-check and synth
 * test in cdktf-examples.test.ts proves the result compiles and synthesizes the example).
 */
import type { CdktfBindingTable } from '../../engine/docs/cdktf-binding-types';
import { CDKTF_BINDINGS } from '../../engine/docs/cdktf-bindings';
import { cdktfExampleText, renderCdktfExample } from '../../engine/docs/cdktf-example';

test('a resource: its class by deep import, camelCase props, a single block as one object', () => {
  expect(cdktfExampleText({ resourceType: 'aws_instance', body: { ami: 'ami-1', metadata_options: [{ http_tokens: 'required' }] } })).toBe(
    [
      "import { Instance } from '@cdktf/provider-aws/lib/instance';",
      '',
      "new Instance(this, 'example', { ami: 'ami-1', metadataOptions: { httpTokens: 'required' } });",
    ].join('\n'),
  );
});

test('a string holding JSON is JSON.stringify({...}) only when that gives back the same string', () => {
  const policy = (text: string): string => cdktfExampleText({ resourceType: 'aws_sns_topic_policy', body: { arn: 'a', policy: text } });
  expect(policy('{"Version":"2012-10-17","Statement":[]}')).toContain("policy: JSON.stringify({ Version: '2012-10-17', Statement: [] })");
  expect(policy('{ "Version": "2012-10-17" }')).toContain('policy: \'{ "Version": "2012-10-17" }\'');
});

test('undeclared references are kept as written and listed in a comment', () => {
  const text = cdktfExampleText({ resourceType: 'aws_s3_bucket_versioning', body: { bucket: '${aws_s3_bucket.data.id}', versioning_configuration: { status: 'Enabled' } } });
  expect(text).toContain("bucket: '${aws_s3_bucket.data.id}'");
  expect(text).toMatch(/^\/\/ Not declared in this example, so kept as Terraform wrote it .*\n\/\/ .*\$\{aws_s3_bucket\.data\.id\}\n/m);
});

test('resources sharing a name keep it with overrideLogicalId; a module count is an override', () => {
  const text = cdktfExampleText({
    resourceType: 'aws_s3_bucket',
    body: { bucket: 'b' },
    others: { aws_s3_bucket_versioning: { example: { bucket: '${aws_s3_bucket.example.id}', versioning_configuration: { status: 'Enabled' } } } },
  });
  expect(text).toContain("const example = new S3Bucket(this, 'example', { bucket: 'b' });");
  expect(text).toContain("new S3BucketVersioningA(this, 'example-s3-bucket-versioning', {");
  expect(text).toContain("exampleS3BucketVersioning.overrideLogicalId('example');");
  expect(cdktfExampleText({ resourceType: 'module', body: { source: './m', count: 0, cidr: '10.0.0.0/16' } })).toBe(
    [
      "import { TerraformHclModule } from 'cdktf';",
      '',
      "const example = new TerraformHclModule(this, 'example', { source: './m', variables: { cidr: '10.0.0.0/16' } });",
      "example.addOverride('count', 0);",
    ].join('\n'),
  );
});

test('required fields the example leaves out are named, with their cdktf names', () => {
  const text = cdktfExampleText({ resourceType: 'aws_s3_bucket_versioning', body: { bucket: 'b' } });
  expect(text).toContain('// Also required, left out of this example: versioningConfiguration');
  expect(renderCdktfExample({ resourceType: 'aws_s3_bucket_versioning', body: { bucket: 'b' } }).omitted).toEqual(['aws_s3_bucket_versioning.example: versioningConfiguration']);
});

test('what the bindings cannot express is a gap, never silently dropped', () => {
  expect(renderCdktfExample({ resourceType: 'aws_instance', body: { ami: 'a', no_such_field: 1 } }).gaps).toEqual([
    'aws_instance.example: no_such_field is not a field of the installed binding',
  ]);
  expect(renderCdktfExample({ resourceType: 'aws_instance', body: { metadata_options: [{ http_tokens: 'a' }, { http_tokens: 'b' }] } }).gaps).toEqual([
    'aws_instance.example: a single block given 2 times',
  ]);
  const tableWithout: CdktfBindingTable = { ...CDKTF_BINDINGS, bindings: {} };
  expect(renderCdktfExample({ resourceType: 'aws_instance', body: {} }, { table: tableWithout }).gaps).toEqual([
    'aws_instance.example: no installed binding for aws_instance (rendered for `cdktf get`)',
  ]);
  // A type no installed binding has renders for the class `cdktf get` would generate, and says so.
  expect(cdktfExampleText({ resourceType: 'tailscale_webhook', body: { endpoint_url: 'https://example.com/hook' } })).toBe(
    [
      "import { Webhook } from './.gen/providers/tailscale/webhook';",
      '',
      '// No prebuilt binding for tailscale_webhook: `cdktf get` generates this class.',
      "new Webhook(this, 'example', { endpointUrl: 'https://example.com/hook' });",
    ].join('\n'),
  );
});

test('the hand-written tailscale bindings come from the package subpath', () => {
  expect(cdktfExampleText({ resourceType: 'tailscale_tailnet_key', body: { reusable: false } })).toContain("import { TailscaleTailnetKey } from 'cdktf-guardrails/tailscale';");
  expect(cdktfExampleText({ resourceType: 'tailscale_tailnet_settings', body: { devices_approval_on: true } })).toContain(
    "new TailscaleTailnetSettings(this, 'example', { devicesApprovalOn: true });",
  );
});
