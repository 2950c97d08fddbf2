/** Trails record the global services (IAM, STS, CloudFront), where most privilege changes happen. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const cloudtrailGlobalServiceEvents = defineRule({
  id: 'cloudtrail-global-service-events',
  title: 'CloudTrail trails include global service events',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'IAM, STS and CloudFront log to the global (us-east-1) endpoint: a trail without global service events ' +
    'misses new users, access keys, policy changes and role assumptions, the core of a privilege escalation. ' +
    'Strict: a single-region trail may leave them out on purpose when another trail of the account already ' +
    'records them (to avoid duplicates).',
  fix: 'Remove `include_global_service_events = false` (it defaults to true), or make sure another trail of the account records them.',
  references: {
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events'],
  },
  examples: {
    failing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs', include_global_service_events: false } },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
  },
  check(resource) {
    return requireBool(resource.body, 'include_global_service_events', 'global service events', { defaultValue: true });
  },
});
