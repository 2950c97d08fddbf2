/** Trails record every region, so activity in a region nobody watches is still on record. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const cloudtrailMultiRegion = defineRule({
  id: 'cloudtrail-multi-region',
  title: 'CloudTrail trails record all regions',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'A single-region trail records nothing in the other regions: an attacker with stolen credentials launches ' +
    'instances, creates keys or exfiltrates snapshots in a region nobody uses, and the trail has no record of ' +
    'it. A multi-region trail also picks up regions AWS adds later.',
  fix: 'Set `is_multi_region_trail = true` (it defaults to false); one such trail per account (or an organization trail) is enough.',
  references: {
    checkov: ['CKV_AWS_67'],
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html'],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs', is_multi_region_trail: true } },
  },
  check(resource) {
    return requireBool(resource.body, 'is_multi_region_trail', 'a trail of all regions', { defaultValue: false });
  },
});
