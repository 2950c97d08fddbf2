import { volumeEncryptionRequired as rule } from '../../../rules/cross-cloud/volume-encryption-required';
import { itHonoursItsExamples } from '../../helpers/examples';
import { findingsFor, kinds } from '../../helpers/rule-harness';

const enc = { encrypted: true };

describe('volume-encryption-required', () => {
  itHonoursItsExamples(rule);

  test.each([
    ['aws_ebs_volume', { availability_zone: 'a', size: 1 }, { availability_zone: 'a', size: 1, encrypted: true }, 'encrypted'],
    ['aws_efs_file_system', {}, { encrypted: 'true' }, 'encrypted'],
    ['aws_db_instance', { engine: 'postgres', storage_encrypted: false }, { engine: 'postgres', storage_encrypted: true }, 'storage_encrypted'],
    ['aws_rds_cluster', { engine: 'aurora-postgresql' }, { engine: 'aurora-postgresql', storage_encrypted: true }, 'storage_encrypted'],
  ])('%s: fires when unencrypted, quiet when encrypted, unknown for a token', (type, bad, good, attr) => {
    expect(kinds(findingsFor(rule, type, bad))).toEqual(['violation']);
    expect(findingsFor(rule, type, good)).toEqual([]);
    expect(kinds(findingsFor(rule, type, { ...good, [attr]: '${var.encrypt}' }))).toEqual(['unknown']);
  });

  test('aws_rds_cluster in serverless v1 mode is always encrypted', () => {
    expect(findingsFor(rule, 'aws_rds_cluster', { engine_mode: 'serverless' })).toEqual([]);
    expect(findingsFor(rule, 'aws_rds_cluster', { engine_mode: 'serverless', storage_encrypted: false })).toEqual([]);
  });

  test('aws_rds_cluster with a known engine_mode other than serverless is still checked', () => {
    for (const engine_mode of ['provisioned', 'parallelquery', 'global', 'multimaster', 'Serverless', 'serverless ']) {
      expect(kinds(findingsFor(rule, 'aws_rds_cluster', { engine_mode }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_rds_cluster', { engine_mode, storage_encrypted: true })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_rds_cluster', { engine_mode, storage_encrypted: '${var.e}' }))).toEqual(['unknown']);
    }
    // An engine_mode that is an expression may not be serverless: the storage flag decides.
    expect(kinds(findingsFor(rule, 'aws_rds_cluster', { engine_mode: '${var.mode}' }))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_rds_cluster', { engine_mode: '${var.mode}', storage_encrypted: true })).toEqual([]);
  });

  describe('expression-valued blocks are never dropped', () => {
    test('ebs_block_device as an expression, or one element of it, is unknown', () => {
      const found = findingsFor(rule, 'aws_instance', { root_block_device: enc, ebs_block_device: '${var.disks}' });
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].attribute).toBe('ebs_block_device');
      expect(kinds(findingsFor(rule, 'aws_instance', { root_block_device: enc, ebs_block_device: [enc, '${var.disk}'] }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_configuration', { root_block_device: enc, ebs_block_device: '${var.disks}' }))).toEqual(['unknown']);
    });

    test('a launch template mapping whose ebs is an expression is unknown, root or data device', () => {
      const data = findingsFor(rule, 'aws_launch_template', {
        block_device_mappings: [
          { device_name: '/dev/xvda', ebs: enc },
          { device_name: '/dev/sdb', ebs: '${local.ebs}' },
        ],
      });
      expect(kinds(data)).toEqual(['unknown']);
      expect(data[0].attribute).toBe('block_device_mappings[1].ebs');
      const root = findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ device_name: '/dev/xvda', ebs: '${local.ebs}' }] });
      expect(root.length).toBeGreaterThan(0);
      expect(root.every((f) => f.kind === 'unknown')).toBe(true);
      expect(kinds(findingsFor(rule, 'aws_launch_template', { block_device_mappings: '${local.mappings}' }))).toEqual(['unknown']);
    });
  });

  describe('aws_instance / aws_launch_configuration', () => {
    test.each(['aws_instance', 'aws_launch_configuration'])('%s without root_block_device has an unencrypted root', (type) => {
      const found = findingsFor(rule, type, { ami: 'ami-12345678', instance_type: 't3.micro' });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toMatch(/root volume is not encrypted/);
      expect(found[0].attribute).toBe('root_block_device');
    });

    test.each(['aws_instance', 'aws_launch_configuration'])('%s: every ebs_block_device is checked', (type) => {
      const found = findingsFor(rule, type, {
        root_block_device: enc,
        ebs_block_device: [{ device_name: '/dev/sdb', ...enc }, { device_name: '/dev/sdc' }],
      });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('ebs_block_device[1].encrypted');
      expect(findingsFor(rule, type, { root_block_device: [enc], ebs_block_device: [enc, enc] })).toEqual([]);
    });

    test('root_block_device as an object or a list, encrypted false or token', () => {
      expect(findingsFor(rule, 'aws_instance', { root_block_device: enc })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', { root_block_device: [{ encrypted: false }] }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_instance', { root_block_device: { encrypted: '${var.e}' } }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_instance', { root_block_device: '${local.root}' }))).toEqual(['unknown']);
    });

    test('dynamic ebs_block_device content is checked', () => {
      const body = {
        root_block_device: enc,
        dynamic: { ebs_block_device: { for_each: '${var.disks}', content: { device_name: '${ebs_block_device.value}' } } },
      };
      expect(kinds(findingsFor(rule, 'aws_instance', body))).toEqual(['violation']);
      const good = { root_block_device: enc, dynamic: { ebs_block_device: { for_each: '${var.disks}', content: { encrypted: true } } } };
      expect(findingsFor(rule, 'aws_instance', good)).toEqual([]);
    });

    test('an instance using a launch template in the stack takes its root volume from the template', () => {
      const template = (mappings: unknown) => ({ resource: { aws_launch_template: { lt: { block_device_mappings: mappings } } } });
      const body = { launch_template: { id: '${aws_launch_template.lt.id}' } };
      expect(findingsFor(rule, 'aws_instance', body, template([{ device_name: '/dev/xvda', ebs: enc }]))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', body, template([{ device_name: '/dev/xvda', ebs: {} }])))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_instance', { launch_template: { id: 'lt-0123' } }))).toEqual(['unknown']);
    });
  });

  describe('aws_launch_template', () => {
    const root = (ebs: object) => ({ device_name: '/dev/xvda', ebs });
    test('every block_device_mappings.ebs must be encrypted; no mappings means the AMI default', () => {
      expect(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [root(enc)] })).toEqual([]);
      const bad = findingsFor(rule, 'aws_launch_template', { block_device_mappings: [root(enc), { device_name: '/dev/sdb', ebs: { volume_size: 10 } }] });
      expect(kinds(bad)).toEqual(['violation']);
      expect(bad[0].attribute).toBe('block_device_mappings[1].ebs.encrypted');
      expect(kinds(findingsFor(rule, 'aws_launch_template', {}))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', { block_device_mappings: root({ encrypted: '${var.x}' }) }))).toEqual(['unknown']);
    });

    test('a mapping without ebs (instance store, no_device) is not a volume to encrypt', () => {
      expect(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [root(enc), { device_name: '/dev/sdb', no_device: '' }] })).toEqual([]);
    });

    test('mapping only data devices leaves the root volume to the AMI: a violation', () => {
      const found = findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ device_name: '/dev/sdf', ebs: enc }] });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toMatch(/only data devices/);
      // Both conventional root names count, with or without /dev/.
      expect(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ device_name: 'sda1', ebs: enc }] })).toEqual([]);
      // A root mapping without an ebs block keeps the AMI's settings.
      expect(kinds(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ device_name: '/dev/xvda', no_device: '' }] }))).toEqual(['violation']);
    });

    test('whether a mapping is the root is unknown when its device_name is unset or an expression', () => {
      expect(kinds(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ ebs: enc }] }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', { block_device_mappings: [{ device_name: '${var.root}', ebs: enc }] }))).toEqual(['unknown']);
    });

    test('the root device name comes from an aws_ami in the stack', () => {
      const ami = (root_device_name: string) => ({ resource: { aws_ami: { img: { name: 'x', root_device_name } } } });
      const body = { image_id: '${aws_ami.img.id}', block_device_mappings: [{ device_name: '/dev/xvda', ebs: enc }] };
      expect(findingsFor(rule, 'aws_launch_template', body, ami('/dev/xvda'))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_launch_template', body, ami('/dev/sda1')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', body, ami('${var.root}')))).toEqual(['unknown']);
      expect(findingsFor(rule, 'aws_launch_template', { ...body, block_device_mappings: [{ device_name: '/dev/sdx', ebs: enc }] }, ami('/dev/sdx'))).toEqual(
        [],
      );
    });

    test('dynamic block_device_mappings: an empty for_each maps nothing, an unknown one may map nothing', () => {
      const dyn = (forEach: unknown) => ({ dynamic: { block_device_mappings: { for_each: forEach, content: root(enc) } } });
      expect(findingsFor(rule, 'aws_launch_template', dyn([1]))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_launch_template', dyn([])))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', dyn('${var.disks}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', dyn('${(known after apply)}')))).toEqual(['unknown']);
    });
  });

  describe('dynamic root_block_device', () => {
    const dyn = (forEach: unknown, content: unknown = enc) => ({ ami: 'ami-1', dynamic: { root_block_device: { for_each: forEach, content } } });
    test.each(['aws_instance', 'aws_spot_instance_request', 'aws_launch_configuration'])('%s: known-empty is absent, unknown may be absent', (type) => {
      expect(findingsFor(rule, type, dyn([1]))).toEqual([]);
      expect(kinds(findingsFor(rule, type, dyn([])))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, dyn('${var.root}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, type, dyn('${var.root}', { encrypted: false })))).toEqual(['violation']);
      // An empty for_each produces nothing, whatever its content is.
      expect(kinds(findingsFor(rule, type, dyn([], '${local.root}')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, dyn([1], '${local.root}')))).toEqual(['unknown']);
    });
  });

  describe('aws_spot_instance_request (the aws_instance schema)', () => {
    test('fires without an encrypted root, quiet with one, unknown for an expression', () => {
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', spot_price: '0.03' }))).toEqual(['violation']);
      expect(
        findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', root_block_device: enc, ebs_block_device: [{ device_name: '/dev/sdb', ...enc }] }),
      ).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', root_block_device: { encrypted: '${var.e}' } }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { root_block_device: enc, ebs_block_device: [{ device_name: '/dev/sdb' }] }))).toEqual([
        'violation',
      ]);
    });

    test('takes its root volume from a launch template in the stack', () => {
      const template = { resource: { aws_launch_template: { lt: { block_device_mappings: [{ device_name: '/dev/xvda', ebs: enc }] } } } };
      expect(findingsFor(rule, 'aws_spot_instance_request', { launch_template: { id: '${aws_launch_template.lt.id}' } }, template)).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { launch_template: { id: 'lt-0123' } }))).toEqual(['unknown']);
    });
  });

  test('digitalocean_volume passes: encrypted at rest by the platform', () => {
    expect(findingsFor(rule, 'digitalocean_volume', { region: 'fra1', size: 10 })).toEqual([]);
  });

  test('count = 0 creates nothing to check; count from a variable is checked', () => {
    expect(findingsFor(rule, 'aws_ebs_volume', { count: 0 })).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_ebs_volume', { count: '${var.n}' }))).toEqual(['violation']);
  });

  test('each finding names what is unencrypted and why', () => {
    const message = (type: string, body: Record<string, unknown>) => findingsFor(rule, type, body).map((f) => f.message);
    expect(message('aws_ebs_volume', { size: 1 })).toEqual(['the volume is not encrypted (encrypted is unset)']);
    expect(message('aws_efs_file_system', { encrypted: false })).toEqual(['the file system is not encrypted (encrypted is false)']);
    expect(message('aws_db_instance', { engine: 'postgres' })).toEqual(['the database storage is not encrypted (storage_encrypted is unset)']);
    expect(message('aws_rds_cluster', { engine: 'aurora-postgresql' })).toEqual(['the cluster storage is not encrypted (storage_encrypted is unset)']);
  });

  test('aws_db_instance has no serverless exemption: only aws_rds_cluster engine_mode = serverless is always encrypted', () => {
    expect(kinds(findingsFor(rule, 'aws_db_instance', { engine: 'postgres', engine_mode: 'serverless' }))).toEqual(['violation']);
  });
});
