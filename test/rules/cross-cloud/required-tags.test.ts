import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AWS_TAGGABLE_TYPES } from '../../../rules/common-data/aws-taggable-types';
import { requiredTags as rule } from '../../../rules/cross-cloud/required-tags';
import { findings, findingsFor, kinds } from '../../helpers/rule-harness';
import { cdktnPeers } from '../../helpers/consumer-project';

const generator = require('../../../scripts/generate-taggable-types.js') as {
  generate(dirs: string[]): string;
  installedProviders(): string[];
  missingFromCommitted(dirs: string[]): Record<string, string[]>;
  OUTPUT: string;
};

/** A provider bindings package with one resource type, `tags` or not, in the generated bindings' shape. */
function fakeProvider(type: string, tags: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-provider-'));
  fs.mkdirSync(path.join(dir, 'lib', 'thing'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: '@cdktn/provider-fake', version: '1.0.0', cdktn: { provider: { version: '6.99.0' } } }),
  );
  fs.writeFileSync(
    path.join(dir, 'lib', 'thing', 'index.d.ts'),
    `export interface ThingConfig extends cdktn.TerraformMetaArguments {\n    readonly name: string;\n${tags ? '    readonly tags?: {\n        [key: string]: string;\n    };\n' : ''}}\nexport declare class Thing {\n    static readonly tfResourceType = "${type}";\n}\n`,
  );
  return dir;
}

const both = { owner: 'team-infra', environment: 'prod' };
const awsProvider = (defaultTags: unknown, extra: Record<string, unknown> = {}) => ({
  provider: { aws: [{ region: 'eu-west-1', default_tags: defaultTags, ...extra }] },
});

describe('required-tags', () => {
  test('examples: the failing one is reported, the passing one is not', () => {
    const { failing, passing } = rule.examples!;
    expect(kinds(findingsFor(rule, failing.resourceType, failing.body))).toEqual(['violation']);
    expect(findingsFor(rule, passing.resourceType, passing.body)).toEqual([]);
  });

  describe('the committed list of taggable AWS types', () => {
    test('holds every taggable type of AWS provider 5 (@cdktf/provider-aws) and 6 (@cdktn/provider-aws)', () => {
      const providers = [...new Set([...generator.installedProviders(), path.join(cdktnPeers(), '@cdktn', 'provider-aws')])];
      expect(generator.missingFromCommitted(providers)).toEqual({});
      const header = fs.readFileSync(generator.OUTPUT, 'utf8').split('*/')[0];
      expect(header).toMatch(/@cdktf\/provider-aws 20\.\d+\.\d+ \(AWS provider 5\./);
      expect(header).toMatch(/@cdktn\/provider-aws 25\.\d+\.\d+ \(AWS provider 6\./);
      expect(AWS_TAGGABLE_TYPES).toEqual(expect.arrayContaining(['aws_instance', 'aws_s3_bucket', 'aws_ebs_volume', 'aws_iam_role']));
      // Tags only in nested blocks, or none at all, do not make a type taggable.
      expect(AWS_TAGGABLE_TYPES).not.toContain('aws_s3_bucket_policy');
      expect(AWS_TAGGABLE_TYPES).not.toContain('aws_scheduler_schedule');
    }, 300000);

    test('an installed provider with a taggable type the list lacks fails the check; one without tags does not', () => {
      const tagged = fakeProvider('aws_brand_new_thing', true);
      const untagged = fakeProvider('aws_brand_new_untagged', false);
      expect(generator.missingFromCommitted([tagged, untagged])).toEqual({ '@cdktn/provider-fake 1.0.0 (AWS provider 6.99.0)': ['aws_brand_new_thing'] });
      expect(generator.generate([tagged])).toContain("  'aws_brand_new_thing',");
      fs.rmSync(tagged, { recursive: true });
      fs.rmSync(untagged, { recursive: true });
    });

    test('a type only AWS provider 6 has is checked, not "not applicable"', () => {
      expect(kinds(findingsFor(rule, 'aws_bedrockagentcore_gateway', { name: 'gw' }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_bedrockagentcore_gateway', { name: 'gw', tags: both })).toEqual([]);
    });
  });

  test('AWS by prefix (the tag rule must not count as coverage for every AWS type), DigitalOcean by exact type', () => {
    expect(rule.resourceTypes[0]).toBe('aws_*');
    expect(rule.resourceTypes).toContain('digitalocean_droplet');
    expect(rule.resourceTypes).not.toContain('digitalocean_firewall');
    expect(rule.profile).toBe('strict');
  });

  describe('AWS', () => {
    test.each([
      ['aws_s3_bucket', { bucket: 'logs' }],
      ['aws_instance', { ami: 'ami-1', instance_type: 't3.micro' }],
      ['aws_ebs_volume', { availability_zone: 'a', size: 8 }],
    ])('%s: fires without the tags, quiet with them, unknown for a token', (type, body) => {
      const found = findingsFor(rule, type, body);
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'tags' });
      expect(found[0].message).toContain('owner, environment');
      expect(findingsFor(rule, type, { ...body, tags: both })).toEqual([]);
      expect(kinds(findingsFor(rule, type, { ...body, tags: '${var.tags}' }))).toEqual(['unknown']);
    });

    test('names only the missing key, and treats an empty value as missing', () => {
      const found = findingsFor(rule, 'aws_s3_bucket', { tags: { owner: 'team-infra' } });
      expect(found.map((v) => v.message)).toEqual([expect.stringMatching(/missing required tag environment /)]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { tags: { owner: ' ', environment: 'prod' } }))).toEqual(['violation']);
    });

    test('a key whose value is an expression is unknown; a missing key is still a violation next to it', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { tags: { owner: '${var.owner}', environment: 'prod' } }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { tags: { owner: '${var.owner}' } }))).toEqual(['violation', 'unknown']);
    });

    test("the provider's default_tags count, merged with the resource's tags", () => {
      expect(findingsFor(rule, 'aws_s3_bucket', {}, awsProvider({ tags: both }))).toEqual([]);
      expect(findingsFor(rule, 'aws_s3_bucket', { tags: { environment: 'dev' } }, awsProvider({ tags: { owner: 'team-infra' } }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', {}, awsProvider({ tags: { owner: 'team-infra' } })))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', {}, awsProvider({ tags: '${var.default_tags}' })))).toEqual(['unknown']);
    });

    test('an aliased provider is used when the resource names it', () => {
      const doc = {
        provider: { aws: [{ region: 'eu-west-1' }, { alias: 'east', region: 'us-east-1', default_tags: { tags: both } }] },
        resource: { aws_s3_bucket: { a: { provider: 'aws.east' }, b: {} } },
      };
      expect(findings(rule, doc).map((v) => v.address)).toEqual(['aws_s3_bucket.b']);
    });

    test('types that take no tags are skipped; an unlisted type with tags is checked', () => {
      expect(findingsFor(rule, 'aws_s3_bucket_policy', { bucket: 'logs', policy: '{}' })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_future_service_thing', { tags: { owner: 'x' } }))).toEqual(['violation']);
    });

    test('the required keys come from the requiredTags option', () => {
      const found = findingsFor(rule, 'aws_s3_bucket', { tags: both }, {}, { requiredTags: ['cost-center'] });
      expect(found[0].message).toContain('cost-center');
      expect(findingsFor(rule, 'aws_s3_bucket', {}, {}, { requiredTags: [] })).toEqual([]);
    });
  });

  describe('DigitalOcean', () => {
    const tagged = ['owner:team-infra', 'environment:prod'];

    test.each([
      ['digitalocean_droplet', { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb' }],
      ['digitalocean_volume', { name: 'data', region: 'ams3', size: 10 }],
      ['digitalocean_volume_snapshot', { name: 'snap', volume_id: 'v' }],
      ['digitalocean_database_cluster', { name: 'pg', engine: 'pg', size: 'db-s-1vcpu-1gb', region: 'ams3', node_count: 1 }],
      ['digitalocean_database_replica', { name: 'pg-r', cluster_id: 'c' }],
      ['digitalocean_kubernetes_cluster', { name: 'k8s', region: 'ams3', version: '1.33', node_pool: { name: 'p', size: 's' } }],
      ['digitalocean_kubernetes_node_pool', { name: 'extra', cluster_id: 'c', size: 's' }],
      ['digitalocean_custom_image', { name: 'img', url: 'https://x', regions: ['ams3'] }],
      ['digitalocean_nfs', { name: 'share', region: 'ams3', size: 50 }],
    ])('%s: fires without key:value tags, quiet with them, unknown for a token', (type, body) => {
      const found = findingsFor(rule, type, body);
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('owner:<value>, environment:<value>');
      expect(findingsFor(rule, type, { ...body, tags: tagged })).toEqual([]);
      expect(kinds(findingsFor(rule, type, { ...body, tags: '${var.tags}' }))).toEqual(['unknown']);
    });

    test('a key needs a value: "owner" or "owner:" is not an owner', () => {
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', { tags: ['owner', 'environment:prod'] }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', { tags: ['owner:', 'environment:prod'] }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', { tags: ['ownership:x', 'environment:prod'] }))).toEqual(['violation']);
    });

    test('a partly unknown list: known keys pass, the others are unknown', () => {
      const found = findingsFor(rule, 'digitalocean_droplet', { tags: ['owner:team-infra', '${var.env_tag}'] });
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/environment/);
      expect(found[0].message).not.toMatch(/owner/);
    });

    test('digitalocean_tag references are resolved through the stack', () => {
      const tags = (name: string) => ({ resource: { digitalocean_tag: { env: { name } } } });
      const body = { tags: ['owner:team-infra', '${digitalocean_tag.env.id}'] };
      expect(findingsFor(rule, 'digitalocean_droplet', body, tags('environment:prod'))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', body, tags('role:web')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet', body, tags('${var.env}')))).toEqual(['unknown']);
    });

    test('droplet_autoscale: the droplet template carries the tags, dynamic blocks included', () => {
      const pool = (template: unknown) => ({ name: 'pool', config: { min_instances: 1, max_instances: 3 }, droplet_template: template });
      const template = { size: 's-1vcpu-1gb', region: 'ams3', image: 'ubuntu-24-04-x64', ssh_keys: ['k'] };
      const found = findingsFor(rule, 'digitalocean_droplet_autoscale', pool(template));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('droplet_template.tags');
      expect(findingsFor(rule, 'digitalocean_droplet_autoscale', pool({ ...template, tags: tagged }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', pool('${local.template}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', { name: 'pool' }))).toEqual(['violation']);
      const dyn = { name: 'pool', dynamic: { droplet_template: { for_each: '${var.t}', content: { ...template, tags: '${droplet_template.value.tags}' } } } };
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', dyn))).toEqual(['unknown']);
    });

    test('firewalls and monitor alerts are not checked: their tags select droplets', () => {
      expect(findingsFor(rule, 'digitalocean_firewall', { name: 'fw', tags: ['role:web'] })).toEqual([]);
      expect(findingsFor(rule, 'digitalocean_monitor_alert', { type: 'v1/insights/droplet/cpu', tags: ['role:web'] })).toEqual([]);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', { name: 'lb' })).toEqual([]);
    });
  });
});
