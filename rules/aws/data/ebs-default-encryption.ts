/**
 * Account-level EBS encryption by default stays on, so a volume someone creates outside this code (the
 * console, a script, an AMI launch without block device settings) is encrypted too.
 */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const ebsDefaultEncryption = defineRule({
  id: 'ebs-default-encryption',
  title: 'EBS encryption by default is not turned off',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_ebs_encryption_by_default'],
  rationale:
    'EBS encryption by default makes every new volume and snapshot copy in the region encrypted, whatever ' +
    'created it. Declaring aws_ebs_encryption_by_default with enabled = false turns that safety net off for the ' +
    'whole account and region, including for volumes no rule here ever sees.',
  fix: 'Leave `enabled` unset or set `enabled = true` on aws_ebs_encryption_by_default.',
  references: {
    checkov: ['CKV_AWS_106'],
    docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ebs_encryption_by_default', body: { enabled: false } },
    passing: { resourceType: 'aws_ebs_encryption_by_default', body: { enabled: true } },
  },
  check(resource) {
    // The provider's default for `enabled` is true: declaring the resource turns encryption by default on.
    return requireBool(resource.body, 'enabled', 'EBS encryption by default', { defaultValue: true });
  },
});
