/**
 * Every disk and file system is encrypted at rest, including the root volume an instance gets implicitly.
 */
import { defineRule } from '../../engine/rule';
import { pass } from '../../engine/results';
import { stringAttr } from '../../engine/values';
import { instanceDisks, launchTemplateDisks, requireTrue } from '../aws/compute/block-devices';

export const volumeEncryptionRequired = defineRule({
  id: 'volume-encryption-required',
  title: 'Block volumes, instance disks, databases and file systems are encrypted at rest',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [
    'aws_ebs_volume',
    'aws_instance',
    'aws_spot_instance_request',
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
    "the AMI's default root volume, which is unencrypted unless the AMI's snapshot is: the gap most stacks miss. " +
    'A launch template that maps only data devices leaves the root volume to the AMI the same way, so it is a ' +
    "violation too (a mapping is the root when its device_name is the AMI's root_device_name, read from an " +
    'aws_ami in the stack, or else /dev/xvda or /dev/sda1, the names AWS and the major distributions use); ' +
    'a mapping whose device_name is unset or an expression may or may not be the root, which is unknown. ' +
    'Blocks from a dynamic block whose for_each may be empty may be missing: unknown.',
  fix:
    'Set `encrypted = true` on aws_ebs_volume, on the root_block_device and every ebs_block_device of ' +
    'aws_instance / aws_spot_instance_request / aws_launch_configuration (add a root_block_device if there is ' +
    "none), and on every `block_device_mappings.ebs` of aws_launch_template, which maps the AMI's root device " +
    '(e.g. `device_name = "/dev/xvda"`); `storage_encrypted = true` on aws_db_instance and ' +
    'aws_rds_cluster; `encrypted = true` on aws_efs_file_system. Prefer a customer-managed `kms_key_id`.',
  references: {
    checkov: ['CKV_AWS_3', 'CKV_AWS_8', 'CKV_AWS_16', 'CKV_AWS_42', 'CKV_AWS_96'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_8',
        kind: 'stricter',
        why:
          'checkov passes a root_block_device or ebs_block_device that sets snapshot_id without encrypted = true, trusting the snapshot to be encrypted; ' +
          "this rule wants the explicit flag, the only thing visible in the configuration (a snapshot's encryption is not).",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_8',
        kind: 'different',
        why:
          'an instance without root_block_device fails in both, except that here an instance launched from a launch template in the stack is judged by ' +
          "that template's block_device_mappings (which define its root volume); checkov fails it regardless.",
      },
    ],
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
      case 'aws_spot_instance_request':
      case 'aws_launch_configuration':
        return instanceDisks(resource, context);
      case 'aws_launch_template':
        return launchTemplateDisks(body, context);
      default:
        return pass('DigitalOcean block storage volumes are encrypted at rest by the platform');
    }
  },
});
