/**
 * Inputs for the CLI benchmark, generated: a cdktf stack of N resources (a cycle of typical AWS and
 * DigitalOcean building blocks, each with its `//` metadata, some compliant and some not, with references
 * between them as a real stack has), and the plan `terraform show -json` would write for it.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** One stack of `n` resources as cdktf writes it (cdk.tf.json). */
function generateStack(n) {
  const resource = {};
  const add = (type, name, body) => {
    (resource[type] ??= {})[name] = { '//': { metadata: { path: `bench/${name}`, uniqueId: name } }, ...body };
  };
  const tags = (i, extra = {}) => ({ owner: `team-${i % 7}`, environment: i % 3 === 0 ? 'prod' : 'dev', ...extra });
  const makers = [
    (i) =>
      add('aws_instance', `web_${i}`, {
        ami: 'ami-0123456789abcdef0',
        instance_type: 't3.micro',
        subnet_id: `\${aws_subnet.private_${i}.id}`,
        associate_public_ip_address: false,
        root_block_device: { encrypted: i % 10 !== 0, volume_size: 20 },
        metadata_options: { http_tokens: 'required', http_endpoint: 'enabled' },
        tags: tags(i),
      }),
    (i) =>
      add('aws_ebs_volume', `data_${i}`, {
        availability_zone: 'eu-west-1a',
        size: 100,
        encrypted: i % 9 !== 0,
        kms_key_id: '${aws_kms_key.main.arn}',
        tags: tags(i),
      }),
    (i) =>
      add('aws_subnet', `private_${i}`, {
        vpc_id: '${aws_vpc.main.id}',
        cidr_block: `10.${(i >> 8) % 256}.${i % 256}.0/24`,
        map_public_ip_on_launch: false,
        tags: tags(i),
      }),
    (i) =>
      add('aws_security_group', `sg_${i}`, {
        name: `sg-${i}`,
        vpc_id: '${aws_vpc.main.id}',
        ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: [i % 11 === 0 ? '0.0.0.0/0' : '10.0.0.0/8'], description: 'https' }],
        egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['10.0.0.0/8'] }],
        tags: tags(i),
      }),
    (i) => add('aws_eip', `ip_${i}`, { domain: 'vpc', instance: `\${aws_instance.web_${i - 4}.id}`, tags: tags(i, i % 5 === 0 ? {} : { exposure: 'public' }) }),
    (i) => add('aws_s3_bucket', `logs_${i}`, { bucket: `bench-logs-${i}`, tags: tags(i) }),
    (i) =>
      add('aws_db_instance', `db_${i}`, {
        engine: 'postgres',
        instance_class: 'db.t3.micro',
        allocated_storage: 20,
        storage_encrypted: i % 8 !== 0,
        publicly_accessible: false,
        username: 'app',
        manage_master_user_password: true,
        tags: tags(i),
      }),
    (i) =>
      add('aws_lb', `lb_${i}`, {
        internal: i % 6 !== 0,
        load_balancer_type: 'application',
        subnets: [`\${aws_subnet.private_${i - 5}.id}`],
        tags: tags(i),
      }),
    (i) =>
      add('digitalocean_droplet', `node_${i}`, {
        image: 'ubuntu-24-04-x64',
        size: 's-1vcpu-1gb',
        region: 'ams3',
        tags: [`owner:team-${i % 7}`, 'environment:dev', ...(i % 4 ? ['exposure:public'] : [])],
      }),
    (i) => add('digitalocean_volume', `vol_${i}`, { region: 'ams3', size: 10, name: `vol-${i}` }),
    (i) =>
      add('digitalocean_firewall', `fw_${i}`, {
        name: `fw-${i}`,
        droplet_ids: [`\${digitalocean_droplet.node_${i - 2}.id}`],
        inbound_rule: [{ protocol: 'tcp', port_range: '22', source_addresses: [i % 3 ? '10.0.0.0/8' : '0.0.0.0/0'] }],
      }),
    (i) =>
      add('digitalocean_loadbalancer', `dolb_${i}`, {
        name: `lb-${i}`,
        region: 'ams3',
        droplet_ids: [`\${digitalocean_droplet.node_${i - 3}.id}`],
        forwarding_rule: [{ entry_port: 443, entry_protocol: 'https', target_port: 80, target_protocol: 'http', certificate_name: 'cert' }],
      }),
  ];
  for (let i = 0; i < n; i++) makers[i % makers.length](i);
  return {
    '//': { metadata: { backend: 'local', stackName: 'bench', version: '0.21.0' }, outputs: {} },
    provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { managed_by: 'cdktf' } }] }], digitalocean: [{}] },
    terraform: {
      required_providers: { aws: { source: 'aws', version: '5.100.0' }, digitalocean: { source: 'digitalocean/digitalocean', version: '2.55.0' } },
    },
    resource,
  };
}

/** Attributes whose object value is a map, not a nested block (a plan writes blocks as lists). */
const MAPS = new Set(['tags', 'tags_all']);
const isReference = (v) => typeof v === 'string' && v.includes('${');
const referenceOf = (v) => /^\$\{([^}]*)\}$/.exec(v)?.[1];

/**
 * A configured value as `change.after` and `change.after_unknown` write it: a reference is unknown until
 * apply (left out of an object, `null` in a list, `true` in the mask), a nested block is a list of one.
 */
function planned(value, key) {
  if (isReference(value)) return { unknown: true };
  if (Array.isArray(value)) {
    const items = value.map((v) => planned(v));
    return { after: items.map((x) => (x.unknown === true ? null : x.after)), mask: items.map((x) => (x.unknown === true ? true : (x.mask ?? false))) };
  }
  if (value !== null && typeof value === 'object') {
    const after = {};
    const mask = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '//') continue;
      const x = planned(v, k);
      if (x.unknown === true) mask[k] = true;
      else {
        after[k] = x.after;
        if (x.mask !== undefined && x.mask !== false) mask[k] = x.mask;
      }
    }
    if (MAPS.has(key)) return { after, mask };
    return key === undefined ? { after, mask } : { after: [after], mask: [mask] };
  }
  return { after: value };
}

/** A configured value as the plan's `configuration` section writes it (`constant_value`, `references`). */
function expression(value, key) {
  const isBlock = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isReference(value) || (Array.isArray(value) && value.some(isReference))) {
    const references = [];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (!isReference(v)) continue;
      const parts = (referenceOf(v) ?? v.slice(2, -1)).split('.');
      references.push(parts.join('.'), parts.slice(0, 2).join('.'));
    }
    return { references };
  }
  if (MAPS.has(key)) return { constant_value: value };
  if (isBlock(value)) return [expressions(value)];
  if (Array.isArray(value) && value.length > 0 && value.every(isBlock)) return value.map(expressions);
  return { constant_value: value };
}

function expressions(body) {
  const result = {};
  for (const [k, v] of Object.entries(body)) if (k !== '//') result[k] = expression(v, k);
  return result;
}

const PROVIDER = { aws: 'registry.terraform.io/hashicorp/aws', digitalocean: 'registry.terraform.io/digitalocean/digitalocean' };

/**
 * The plan of creating every resource of `stack`: `terraform show -json` of a `terraform plan -out`, with
 * planned_values, resource_changes and configuration, as Terraform 1.x writes them.
 */
function generatePlan(stack) {
  const plannedResources = [];
  const changes = [];
  const configured = [];
  const defaultTags = stack.provider.aws[0].default_tags[0].tags;
  for (const [type, byName] of Object.entries(stack.resource)) {
    const provider = type.split('_')[0];
    for (const [name, body] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const { after, mask } = planned(body);
      const unknown = { ...mask, id: true };
      if (provider === 'aws') {
        unknown.arn = true;
        after.tags_all = { ...defaultTags, ...(after.tags ?? {}) };
      } else unknown.urn = true;
      after.timeouts = null;
      const identity = { address, mode: 'managed', type, name, provider_name: PROVIDER[provider] };
      plannedResources.push({ ...identity, schema_version: 0, values: after, sensitive_values: {} });
      changes.push({
        ...identity,
        change: { actions: ['create'], before: null, after, after_unknown: unknown, before_sensitive: false, after_sensitive: { tags: {}, tags_all: {} } },
      });
      configured.push({ address, mode: 'managed', type, name, provider_config_key: provider, expressions: expressions(body), schema_version: 0 });
    }
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources: plannedResources } },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: PROVIDER.aws, version_constraint: '5.100.0', expressions: { region: { constant_value: 'eu-west-1' } } },
        digitalocean: { name: 'digitalocean', full_name: PROVIDER.digitalocean, version_constraint: '2.55.0' },
      },
      root_module: { resources: configured },
    },
    timestamp: '2026-01-01T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

/**
 * A cdktf output directory (manifest.json, stacks/bench/cdk.tf.json) of `n` resources, and with `plan`,
 * stacks/bench/plan.json beside it (where `terraform show -json` would be written). Returns the files.
 */
function writeInputs(dir, n, { plan = false } = {}) {
  const stackDir = path.join(dir, 'stacks', 'bench');
  fs.mkdirSync(stackDir, { recursive: true });
  const stack = generateStack(n);
  const config = path.join(stackDir, 'cdk.tf.json');
  fs.writeFileSync(config, JSON.stringify(stack, null, 2));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      version: '0.21.0',
      stacks: { bench: { name: 'bench', constructPath: 'bench', synthesizedStackPath: 'stacks/bench/cdk.tf.json', workingDirectory: 'stacks/bench' } },
    }),
  );
  const files = { dir, config, manifest: path.join(dir, 'manifest.json') };
  if (plan) {
    files.plan = path.join(stackDir, 'plan.json');
    fs.writeFileSync(files.plan, JSON.stringify(generatePlan(stack)));
  }
  return files;
}

module.exports = { generateStack, generatePlan, writeInputs };
