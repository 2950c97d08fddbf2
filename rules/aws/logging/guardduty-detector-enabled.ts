/** GuardDuty detectors are on: a suspended detector analyses nothing and raises no findings. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const guarddutyDetectorEnabled = defineRule({
  id: 'guardduty-detector-enabled',
  title: 'GuardDuty detectors are enabled',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_guardduty_detector'],
  rationale:
    "GuardDuty is the account's threat detection: it reads CloudTrail, VPC flow logs and DNS queries for " +
    'credential misuse, crypto-mining, reconnaissance and calls to known-bad addresses. A detector with ' +
    '`enable = false` is suspended: it exists, so inventories look right, but it watches nothing.',
  fix: 'Remove `enable = false` (it defaults to true), or set it to true.',
  references: {
    checkov: ['CKV_AWS_238'],
    docs: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html'],
  },
  examples: {
    failing: { resourceType: 'aws_guardduty_detector', body: { enable: false } },
    passing: { resourceType: 'aws_guardduty_detector', body: { enable: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'enable', 'an active detector', { defaultValue: true });
  },
});
