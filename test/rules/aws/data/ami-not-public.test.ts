import { amiNotPublic as rule } from '../../../../rules/aws/data/ami-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const IMAGE = '${aws_ami_from_instance.golden.id}';

describe('ami-not-public', () => {
  itHonoursItsExamples(rule);

  describe('aws_ami_launch_permission', () => {
    const type = 'aws_ami_launch_permission';

    it('fires when the AMI is shared with group "all"', () => {
      const found = findingsFor(rule, type, { image_id: IMAGE, group: 'all' });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('group');
    });

    it('fires when account_id is not a 12-digit account (e.g. "all")', () => {
      expect(kinds(findingsFor(rule, type, { image_id: IMAGE, account_id: 'all' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, { image_id: IMAGE, account_id: '12345' }))).toEqual(['violation']);
    });

    it('is quiet when shared with a named account, organization or OU', () => {
      expect(findingsFor(rule, type, { image_id: IMAGE, account_id: '123456789012' })).toEqual([]);
      expect(findingsFor(rule, type, { image_id: IMAGE, organization_arn: 'arn:aws:organizations::123456789012:organization/o-abc123' })).toEqual([]);
      expect(findingsFor(rule, type, { image_id: IMAGE, organizational_unit_arn: '${data.aws_organizations_organizational_unit.apps.arn}' })).toEqual([]);
    });

    it('is unknown when group or account_id is an expression', () => {
      expect(kinds(findingsFor(rule, type, { image_id: IMAGE, group: '${var.share_with}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, type, { image_id: IMAGE, account_id: '${var.account}' }))).toEqual(['unknown']);
    });
  });

  describe('aws_ec2_image_block_public_access', () => {
    const type = 'aws_ec2_image_block_public_access';

    it('fires when public sharing is unblocked', () => {
      expect(kinds(findingsFor(rule, type, { state: 'unblocked' }))).toEqual(['violation']);
    });

    it('is quiet when new public sharing is blocked', () => {
      expect(findingsFor(rule, type, { state: 'block-new-sharing' })).toEqual([]);
    });

    it('is unknown when state is an expression', () => {
      expect(kinds(findingsFor(rule, type, { state: '${var.ami_bpa}' }))).toEqual(['unknown']);
    });
  });

  it('leaves AMIs themselves alone: they are private until a launch permission shares them', () => {
    for (const type of ['aws_ami', 'aws_ami_copy', 'aws_ami_from_instance']) expect(rule.resourceTypes).not.toContain(type);
  });
});
