/**
 * Every disk and file system is encrypted at rest, including the root volume an instance gets implicitly.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, referencedAddress, stringAttr } from '../../engine/values';

export const volumeEncryptionRequired = defineRule({
  id: 'volume-encryption-required',
  title: 'Block volumes, instance disks, databases and file systems are encrypted at rest',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [
    'aws_ebs_volume',
    'aws_instance',
    'aws_launch_template',
    'aws_launch_configuration',
    'aws_db_instance',
    'aws_rds_cluster',
    'aws_efs_file_system',
    'digitalocean_volume',
  ],
  rationale:
    'Unencrypted volumes leak through snapshots shared by mistake, through copies made by anyone with ' +
    'snapshot permissions, and through decommissioned hardware. An instance without a root_block_device gets ' +
    "the AMI's default root volume, which is unencrypted unless the AMI's snapshot is: the gap most stacks miss.",
  fix:
    'Set `encrypted = true` on aws_ebs_volume, on the root_block_device and every ebs_block_device of ' +
    'aws_instance / aws_launch_configuration (add a root_block_device if there is none), and on every ' +
    '`block_device_mappings.ebs` of aws_launch_template; `storage_encrypted = true` on aws_db_instance and ' +
    'aws_rds_cluster; `encrypted = true` on aws_efs_file_system. Prefer a customer-managed `kms_key_id`.',
  references: {
    checkov: ['CKV_AWS_3', 'CKV_AWS_8', 'CKV_AWS_16', 'CKV_AWS_42', 'CKV_AWS_96'],
    docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } },
    passing: {
      resourceType: 'aws_instance',
      body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', root_block_device: { encrypted: true } },
    },
  },
  check(resource, context) {
    const body = resource.body;
    switch (resource.type) {
      case 'aws_ebs_volume':
      case 'aws_efs_file_system':
        return requireTrue(body, 'encrypted', resource.type === 'aws_ebs_volume' ? 'the volume' : 'the file system');
      case 'aws_db_instance':
        return requireTrue(body, 'storage_encrypted', 'the database storage');
      case 'aws_rds_cluster': {
        const mode = stringAttr(body, 'engine_mode');
        if (mode.state === 'known' && mode.value === 'serverless') return pass('Aurora Serverless v1 storage is always encrypted');
        return requireTrue(body, 'storage_encrypted', 'the cluster storage');
      }
      case 'aws_instance':
      case 'aws_launch_configuration':
        return instanceDisks(resource, context);
      case 'aws_launch_template':
        return launchTemplateDisks(body);
      default:
        return pass('DigitalOcean block storage volumes are encrypted at rest by the platform');
    }
  },
});

function requireTrue(body: JsonObject, attribute: string, what: string, path = attribute): CheckResult {
  const value = boolAttr(body, attribute);
  if (value.state === 'unknown') return unknownValue(path, value);
  if (value.state === 'known' && value.value) return pass(`${what} is encrypted`, path);
  return violation(`${what} is not encrypted (${path} is ${value.state === 'absent' ? 'unset' : 'false'})`, path);
}

function instanceDisks(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const results: CheckResult[] = [];
  const root = blocks(resource.body, 'root_block_device');
  if (root.unknownExpression) results.push(unknown(`root_block_device is ${root.unknownExpression}`, 'root_block_device'));
  else if (root.occurrences.length === 0) results.push(implicitRoot(resource, context));
  for (const block of root.occurrences) results.push(requireTrue(block.body, 'encrypted', 'the root volume', `${block.path}.encrypted`));

  const ebs = blocks(resource.body, 'ebs_block_device');
  if (ebs.unknownExpression) results.push(unknown(`ebs_block_device is ${ebs.unknownExpression}`, 'ebs_block_device'));
  for (const block of ebs.occurrences) {
    // A block from a snapshot inherits the snapshot's encryption, but only an explicit flag can be verified.
    results.push(requireTrue(block.body, 'encrypted', `the EBS volume ${block.path}`, `${block.path}.encrypted`));
  }
  return results;
}

/**
 * No root_block_device: the root volume comes from the launch template (if one is used and it is in this
 * stack, its mappings decide) or from the AMI, unencrypted unless the AMI's snapshot is.
 */
function implicitRoot(resource: ResourceRecord, context: RuleContext): CheckResult {
  const template = blocks(resource.body, 'launch_template').occurrences[0];
  if (template) {
    const id = stringAttr(template.body, 'id');
    const name = stringAttr(template.body, 'name');
    const ref = id.state === 'unknown' ? referencedAddress(id.expression) : name.state === 'unknown' ? referencedAddress(name.expression) : undefined;
    const lt = ref ? context.resourceAt(ref) : undefined;
    if (!lt || lt.type !== 'aws_launch_template') {
      return unknown('the root volume comes from a launch template that is not in this stack', 'launch_template');
    }
    const results = launchTemplateDisks(lt.body);
    const bad = results.find((r) => r.status !== 'pass');
    return bad ? { ...bad, message: `root volume from ${lt.address}: ${bad.message}` } : pass(`root volume encrypted by ${lt.address}`);
  }
  return violation(
    "the root volume is not encrypted (no root_block_device: it takes the AMI's default, unencrypted unless the AMI's snapshot is)",
    'root_block_device',
  );
}

function launchTemplateDisks(body: JsonObject): CheckResult[] {
  const mappings = blocks(body, 'block_device_mappings');
  if (mappings.unknownExpression) return [unknown(`block_device_mappings is ${mappings.unknownExpression}`, 'block_device_mappings')];
  if (mappings.occurrences.length === 0) {
    return [violation("no block_device_mappings: instances get the AMI's default root volume, unencrypted unless the AMI's snapshot is", 'block_device_mappings')];
  }
  const results: CheckResult[] = [];
  for (const mapping of mappings.occurrences) {
    const ebs = blocks(mapping.body, 'ebs');
    if (ebs.unknownExpression) results.push(unknown(`${mapping.path}.ebs is ${ebs.unknownExpression}`, `${mapping.path}.ebs`));
    for (const e of ebs.occurrences) {
      results.push(requireTrue(e.body, 'encrypted', `the volume in ${mapping.path}`, `${mapping.path}.${e.path}.encrypted`));
    }
  }
  return results;
}
