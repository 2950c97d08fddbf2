/** GuardDuty keeps S3 protection on. */
import { defineRule } from '../../../engine/rule';
import { checkProtection, DETECTOR, DETECTOR_FEATURE } from './guardduty';

export const guarddutyS3Protection = defineRule({
  id: 'guardduty-s3-protection',
  title: 'GuardDuty S3 protection is not turned off',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [DETECTOR, DETECTOR_FEATURE],
  rationale:
    'GuardDuty S3 Protection reads S3 data events (object reads, writes and deletes) for signs of discovery and ' +
    'exfiltration: objects read from a Tor exit node, or listed and downloaded in bulk by a principal that never ' +
    'did so. Without it those data events are not analysed at all (management events are). Strict: an account ' +
    'with no S3 data worth watching may turn it off for cost.',
  fix:
    'Remove the setting that turns it off: an aws_guardduty_detector_feature with `name = "S3_DATA_EVENTS"` must have ' +
    '`status = "ENABLED"`, and the deprecated `datasources` block must not set its `enable = false` (a new detector turns it on by default).',
  references: {
    docs: ['https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html'],
  },
  examples: {
    failing: { resourceType: DETECTOR_FEATURE, body: { detector_id: '${aws_guardduty_detector.main.id}', name: 'S3_DATA_EVENTS', status: 'DISABLED' } },
    passing: { resourceType: DETECTOR_FEATURE, body: { detector_id: '${aws_guardduty_detector.main.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' } },
  },
  check(resource) {
    return checkProtection(resource, { feature: 'S3_DATA_EVENTS', datasource: ['s3_logs'], what: 'S3 protection' });
  },
});
