/**
 * Fix texts are written once, in Terraform's names; `cdktfFix` gives cdktf users the same text with the
 * names the binding table knows in cdktf's spelling, and leaves everything else as written.
 */
import { cdktfFix, withCdktfFixes } from '../../engine/docs/cdktf-fix';
import type { ReportInput } from '../../engine/reports/report-input';
import type { RuleMetadata } from '../../engine/rule';
import { builtInRules } from '../../rules';

function rule(id: string): RuleMetadata {
  const found = builtInRules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** A fix text about some resource types, as a rule would carry it. */
function fix(text: string, resourceTypes: string[]): string {
  return cdktfFix({ fix: text, resourceTypes });
}

test('an HCL block becomes the object literal cdktf takes, with camelCase names', () => {
  expect(cdktfFix(rule('imdsv2-required'))).toBe(
    'Add `metadataOptions: { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 }` ' +
      '(or `httpEndpoint: "disabled"` when nothing on the host needs instance metadata).',
  );
});

test('a repeated block becomes an array, and entries HCL separates by lines get commas', () => {
  expect(fix('`rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } bucket_key_enabled = true }`', ['aws_s3_bucket_server_side_encryption_configuration'])).toBe(
    '`rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }]`',
  );
  expect(fix('`maintenance_window { day = "sunday" hour = "03:00" }`', ['digitalocean_database_cluster'])).toBe('`maintenanceWindow: [{ day: "sunday", hour: "03:00" }]`');
});

test("cdktf's own renames, where a name is looked up in the blocks around it", () => {
  expect(cdktfFix(rule('cloudtrail-management-events'))).toContain('`fieldSelector: [{ field: "eventCategory", equalTo: ["Management"] }]`');
});

test('a resource block becomes a construct; resource types and field names in prose take their cdktf names', () => {
  expect(fix('For each aws_vpc add `aws_default_security_group { vpc_id = aws_vpc.<name>.id }`.', ['aws_vpc', 'aws_default_security_group'])).toBe(
    "For each Vpc add `new DefaultSecurityGroup(this, '…', { vpcId: aws_vpc.<name>.id })`.",
  );
  expect(cdktfFix(rule('volume-encryption-required'))).toContain('on the rootBlockDevice and every ebsBlockDevice of Instance / SpotInstanceRequest');
  expect(fix('Set custom_origin_config.origin_protocol_policy on every origin.', ['aws_cloudfront_distribution'])).toBe(
    'Set customOriginConfig.originProtocolPolicy on every origin.',
  );
  // A provider setting (AWS default_tags is a repeated block of the provider).
  expect(cdktfFix(rule('required-tags'))).toContain("the provider's `defaultTags: [{ tags: { owner: …, environment: … } }]`");
});

test('everything the table does not know stays as written', () => {
  const untouched = [
    // references, values, policy JSON, shell commands, prose words
    'Set `kms_master_key_id` to `aws_kms_key.x.arn`.',
    'Create a `digitalocean_certificate` (type `lets_encrypt`).',
    'Add `StringEquals: { "aws:PrincipalOrgID": "<org id>" }` and `{"Service": "s3.amazonaws.com"}`.',
    'Fetch them at boot (`aws secretsmanager get-secret-value --secret-id <arn>`).',
    'Set `not_a_field = true` and `expiry <= 86400`.',
  ];
  const types = ['aws_sns_topic', 'digitalocean_cdn', 'aws_instance'];
  expect(untouched.map((t) => fix(t, types))).toEqual(untouched.map((t) => t.replace('kms_master_key_id', 'kmsMasterKeyId').replace('`digitalocean_certificate`', '`Certificate`')));
  // A name of another resource type is not a name here.
  expect(fix('Set `http_tokens = "required"`.', ['aws_s3_bucket'])).toBe('Set `http_tokens = "required"`.');
});

test('every fix keeps its shape: the same code spans, nothing but names and HCL punctuation changed', () => {
  for (const r of builtInRules) {
    const translated = cdktfFix(r);
    expect([r.id, translated.split('`').length]).toEqual([r.id, r.fix.split('`').length]);
    // Words of the text, with names and punctuation aside, are the same words in the same order.
    const words = (s: string): string[] => s.match(/\b[a-z]{3,}\b/g) ?? [];
    const prose = (s: string): string => s.replace(/`[^`]*`/g, '').replace(/\b\w*(?:_\w+|[a-z][A-Z]\w*)\b/g, '');
    expect([r.id, words(prose(translated))]).toEqual([r.id, words(prose(r.fix))]);
  }
});

test("withCdktfFixes: every fix in a report's input, the rules' and the findings'", () => {
  const r = rule('imdsv2-required');
  const violation = { ruleId: r.id, fix: r.fix, message: 'm' };
  const input = {
    rules: [r],
    toolVersion: '0',
    result: { violations: [violation, { ...violation, ruleId: 'custom' }], suppressed: [{ violation, suppression: {} }] },
  } as unknown as ReportInput;
  const out = withCdktfFixes(input);
  expect(out.rules[0].fix).toBe(cdktfFix(r));
  expect(out.result.violations.map((v) => v.fix)).toEqual([cdktfFix(r), r.fix]);
  expect(out.result.suppressed[0].violation.fix).toBe(cdktfFix(r));
  expect(input.result.violations[0].fix).toBe(r.fix); // the input itself is not changed
});
