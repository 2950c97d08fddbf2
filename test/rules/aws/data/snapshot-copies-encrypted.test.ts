import { snapshotCopiesEncrypted as rule } from '../../../../rules/aws/data/snapshot-copies-encrypted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const COPY = 'aws_ebs_snapshot_copy';
const AMI_COPY = 'aws_ami_copy';
const AMI = 'aws_ami';

describe('snapshot-copies-encrypted', () => {
  describe('aws_ebs_snapshot_copy', () => {
    const base = { source_snapshot_id: 'snap-0123456789abcdef0', source_region: 'eu-west-1' };

    it('fires when the copy is not encrypted and its source cannot vouch for it', () => {
      expect(kinds(findingsFor(rule, COPY, base))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, COPY, { ...base, encrypted: false }))).toEqual(['violation']);
    });

    it('is quiet when encrypted', () => {
      expect(findingsFor(rule, COPY, { ...base, encrypted: true })).toEqual([]);
    });

    it('is unknown when encrypted is an expression', () => {
      expect(kinds(findingsFor(rule, COPY, { ...base, encrypted: '${var.encrypt}' }))).toEqual(['unknown']);
    });

    it('follows the source snapshot to an encrypted volume in the stack', () => {
      const stack = {
        resource: {
          aws_ebs_volume: { data: { availability_zone: 'eu-west-1a', size: 10, encrypted: true }, plain: { availability_zone: 'eu-west-1a', size: 10 } },
          aws_ebs_snapshot: { data: { volume_id: '${aws_ebs_volume.data.id}' }, plain: { volume_id: '${aws_ebs_volume.plain.id}' } },
        },
      };
      const fromEncrypted = { source_snapshot_id: '${aws_ebs_snapshot.data.id}', source_region: 'eu-west-1' };
      expect(findingsFor(rule, COPY, fromEncrypted, stack)).toEqual([]);
      const fromPlain = findingsFor(rule, COPY, { source_snapshot_id: '${aws_ebs_snapshot.plain.id}', source_region: 'eu-west-1' }, stack);
      expect(kinds(fromPlain)).toEqual(['violation']);
      expect(fromPlain[0].message).toContain('source snapshot is not encrypted');
    });

    it('follows a chain of copies', () => {
      const stack = { resource: { [COPY]: { first: { source_snapshot_id: 'snap-1', source_region: 'eu-west-1', encrypted: true } } } };
      expect(findingsFor(rule, COPY, { source_snapshot_id: '${aws_ebs_snapshot_copy.first.id}', source_region: 'eu-west-1' }, stack)).toEqual([]);
    });
  });

  describe('aws_ami_copy', () => {
    const base = { name: 'copy', source_ami_id: 'ami-0123456789abcdef0', source_ami_region: 'eu-west-1' };

    it('fires when not encrypted', () => {
      expect(kinds(findingsFor(rule, AMI_COPY, base))).toEqual(['violation']);
    });

    it('is quiet when encrypted', () => {
      expect(findingsFor(rule, AMI_COPY, { ...base, encrypted: true })).toEqual([]);
    });

    it('is unknown when encrypted is an expression', () => {
      expect(kinds(findingsFor(rule, AMI_COPY, { ...base, encrypted: '${var.e}' }))).toEqual(['unknown']);
    });

    it('is quiet for a copy of an AMI in the stack whose volumes are all encrypted', () => {
      const stack = {
        resource: { aws_ami: { src: { name: 'src', root_device_name: '/dev/xvda', ebs_block_device: [{ device_name: '/dev/xvda', encrypted: true }] } } },
      };
      expect(findingsFor(rule, AMI_COPY, { ...base, source_ami_id: '${aws_ami.src.id}' }, stack)).toEqual([]);
    });
  });

  describe('aws_ami', () => {
    it('fires for each unencrypted EBS block device', () => {
      const body = {
        name: 'img',
        root_device_name: '/dev/xvda',
        ebs_block_device: [
          { device_name: '/dev/xvda', snapshot_id: 'snap-1' },
          { device_name: '/dev/xvdb', encrypted: false, volume_size: 8 },
        ],
      };
      const found = findingsFor(rule, AMI, body);
      expect(kinds(found)).toEqual(['violation', 'violation']);
      expect(found.map((f) => f.attribute)).toEqual(['ebs_block_device[0].encrypted', 'ebs_block_device[1].encrypted']);
    });

    it('is quiet when every block device is encrypted (block written as an object too)', () => {
      expect(
        findingsFor(rule, AMI, {
          name: 'img',
          root_device_name: '/dev/xvda',
          ebs_block_device: { device_name: '/dev/xvda', snapshot_id: 'snap-1', encrypted: true },
        }),
      ).toEqual([]);
    });

    it('is unknown for an expression flag or an expression block list', () => {
      expect(kinds(findingsFor(rule, AMI, { name: 'img', ebs_block_device: [{ device_name: '/dev/xvda', encrypted: '${var.e}' }] }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, AMI, { name: 'img', ebs_block_device: '${local.devices}' }))).toEqual(['unknown']);
    });

    it('is quiet for an instance-store AMI (no EBS block devices)', () => {
      expect(findingsFor(rule, AMI, { name: 'img', image_location: 'bucket/manifest.xml' })).toEqual([]);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
