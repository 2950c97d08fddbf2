/**
 * Copies of disks (snapshot copies, AMI copies, registered AMIs) are encrypted: a copy is how data leaves
 * an encrypted volume's protection, and how it gets shared with other accounts.
 */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, pass, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { and, blockPresence, blocks, boolAttr, describeExpression, isExpression, maybe, NO, referencedAddress, YES, type Answer } from '../../../engine/values';

export const snapshotCopiesEncrypted = defineRule({
  id: 'snapshot-copies-encrypted',
  title: 'Snapshot copies, AMI copies and registered AMIs are encrypted',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_ebs_snapshot_copy', 'aws_ami_copy', 'aws_ami'],
  rationale:
    'A copy of an unencrypted snapshot or AMI is unencrypted, and snapshots and AMIs are what gets shared ' +
    'across accounts or made public by mistake. Encrypting the copy closes that path: an encrypted snapshot ' +
    'cannot be made public, and sharing it also needs access to its KMS key.',
  fix:
    'Set `encrypted = true` (and a customer-managed `kms_key_id`) on aws_ebs_snapshot_copy and aws_ami_copy, ' +
    'and on every `ebs_block_device` of aws_ami. A copy whose source is an encrypted snapshot or volume in the ' +
    'same stack passes without the flag, since it cannot be anything but encrypted.',
  references: {
    checkov: ['CKV_AWS_204', 'CKV_AWS_235'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_204',
        kind: 'stricter',
        why: 'a block device made from a snapshot is followed to that snapshot and its volume; checkov passes every device with a snapshot_id unchecked, and does not check the KMS key its name promises',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_235',
        kind: 'different',
        why: 'an aws_ami_copy without encrypted = true passes when its source AMI in the stack is encrypted (a copy never removes encryption); also covers aws_ebs_snapshot_copy',
      },
    ],
    docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ebs_snapshot_copy', body: { source_snapshot_id: 'snap-0123456789abcdef0', source_region: 'eu-west-1' } },
    passing: {
      resourceType: 'aws_ebs_snapshot_copy',
      body: { source_snapshot_id: 'snap-0123456789abcdef0', source_region: 'eu-west-1', encrypted: true },
    },
  },
  check(resource, context) {
    const body = resource.body;
    switch (resource.type) {
      case 'aws_ebs_snapshot_copy':
        return copyResult(body, 'encrypted', 'the snapshot copy', snapshotEncryption(body.source_snapshot_id, context), 'source snapshot');
      case 'aws_ami_copy':
        return copyResult(body, 'encrypted', 'the AMI copy', amiEncryption(body.source_ami_id, context), 'source AMI');
      default:
        return amiBlockDevices(body, context);
    }
  },
});

/**
 * A copy is encrypted when its flag says so, or when its source is (encryption is never removed by a
 * copy). A source outside this stack cannot be verified, so only the flag counts then.
 */
function copyResult(body: JsonObject, path: string, what: string, source: Answer, sourceName: string): CheckResult {
  const flag = boolAttr(body, 'encrypted');
  const attribute = path;
  if (flag.state === 'known' && flag.value) return pass(`${what} is encrypted`, attribute);
  if (source.state === 'known' && source.value) return pass(`${what} is encrypted, because its ${sourceName} is`, attribute);
  if (flag.state === 'unknown') return unknownValue(attribute, flag);
  const shown = flag.state === 'absent' ? 'unset, which means false' : 'false';
  if (source.state === 'known') return violation(`${what} is not encrypted: ${attribute} is ${shown} and its ${sourceName} is not encrypted`, attribute);
  return violation(`${what} is not known to be encrypted: ${attribute} is ${shown}, and ${source.expression}`, attribute);
}

function amiBlockDevices(body: JsonObject, context: RuleContext): CheckResult[] {
  const devices = blocks(body, 'ebs_block_device');
  const results: CheckResult[] = [];
  if (devices.unknownExpression) {
    results.push(unknownValue('ebs_block_device', { state: 'unknown', expression: devices.unknownExpression }));
  }
  for (const device of devices.occurrences) {
    const source = snapshotEncryption(device.body.snapshot_id, context);
    results.push(copyResult(device.body, `${device.path}.encrypted`, `the volume of ${device.path}`, source, 'snapshot'));
  }
  if (results.length === 0) return [notApplicable('no ebs_block_device: an instance-store AMI has no EBS volumes')];
  return results;
}

/** Whether the snapshot a value points at is encrypted, as far as this stack shows. */
export function snapshotEncryption(value: unknown, context: RuleContext, depth = 0): Answer {
  if (value === undefined || value === null) return maybe('it is not made from a snapshot that could make it encrypted');
  const address = referencedAddress(value);
  const source = address ? context.resourceAt(address) : undefined;
  if (!source || depth > 5) {
    const shown = typeof value === 'string' ? describeExpression(value) : JSON.stringify(value);
    return maybe(`the snapshot ${shown} is not in this stack, so its encryption cannot be verified`);
  }
  switch (source.type) {
    case 'aws_ebs_snapshot':
      return volumeEncryption(source.body.volume_id, context, source.address);
    case 'aws_ebs_snapshot_copy': {
      const flag = boolAttr(source.body, 'encrypted');
      if (flag.state === 'known' && flag.value) return YES;
      if (flag.state === 'unknown') return maybe(`${source.address}.encrypted is ${describeExpression(flag.expression)}`);
      return snapshotEncryption(source.body.source_snapshot_id, context, depth + 1);
    }
    case 'aws_ebs_snapshot_import':
      return flagEncryption(source);
    default:
      return maybe(`${source.address} is not a snapshot this rule can read`);
  }
}

function volumeEncryption(value: unknown, context: RuleContext, snapshot: string): Answer {
  const address = referencedAddress(value);
  const volume = address ? context.resourceAt(address) : undefined;
  if (!volume || volume.type !== 'aws_ebs_volume') {
    const shown = typeof value === 'string' ? describeExpression(value) : String(value);
    return maybe(`${snapshot} is of volume ${shown}, which is not in this stack`);
  }
  return flagEncryption(volume);
}

function flagEncryption(resource: ResourceRecord): Answer {
  const flag = boolAttr(resource.body, 'encrypted');
  if (flag.state === 'unknown') return maybe(`${resource.address}.encrypted is ${describeExpression(flag.expression)}`);
  return flag.state === 'known' && flag.value ? YES : NO;
}

/** Whether the AMI a value points at is encrypted: an aws_ami in this stack whose every EBS volume is. */
function amiEncryption(value: unknown, context: RuleContext): Answer {
  const address = referencedAddress(value);
  const ami = address ? context.resourceAt(address) : undefined;
  if (!ami || ami.type !== 'aws_ami') {
    const shown = typeof value === 'string' && isExpression(value) ? describeExpression(value) : JSON.stringify(value ?? null);
    return maybe(`the source AMI ${shown} is not in this stack, so its encryption cannot be verified`);
  }
  const devices = blocks(ami.body, 'ebs_block_device');
  if (devices.unknownExpression) return maybe(`${ami.address}.ebs_block_device is ${describeExpression(devices.unknownExpression)}`);
  const present = blockPresence(devices);
  if (present.state === 'known' && !present.value) return NO;
  const each = and(
    ...devices.occurrences.map((d) => {
      const flag = boolAttr(d.body, 'encrypted');
      if (flag.state === 'known' && flag.value) return YES;
      if (flag.state === 'unknown') return maybe(`${ami.address}.${d.path}.encrypted is ${describeExpression(flag.expression)}`);
      return snapshotEncryption(d.body.snapshot_id, context);
    }),
  );
  // Devices from a dynamic block whose for_each may be empty: the AMI may have no encrypted volume at all.
  if (present.state === 'unknown' && each.state === 'known' && each.value)
    return maybe(`${ami.address}.ebs_block_device may be empty (for_each = ${describeExpression(present.expression)})`);
  return each;
}
