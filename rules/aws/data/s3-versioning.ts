/** Buckets keep previous object versions, so an overwrite or delete (by mistake or by an attacker) can be undone. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { blocks } from '../../../engine/values';
import { forEachBlock, requireBool, requireOneOf } from '../../common/shapes';
import { companionResult } from './companions';
import { bucketCompanions } from './s3-common';

const VERSIONING = 'aws_s3_bucket_versioning';

export const s3Versioning = defineRule({
  id: 's3-versioning',
  title: 'Every S3 bucket has versioning enabled',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_s3_bucket', VERSIONING],
  rationale:
    'Without versioning, an overwritten or deleted object is gone: a buggy deploy, a leaked write credential ' +
    'or ransomware that rewrites objects destroys data for good. Versioning keeps the previous versions ' +
    '(bound their cost with a noncurrent-version lifecycle rule) and is a prerequisite for replication and ' +
    'Object Lock.',
  fix: `Add an ${VERSIONING} for every bucket with \`bucket = <bucket>.id\` and \`versioning_configuration { status = "Enabled" }\`.`,
  references: {
    checkov: ['CKV_AWS_21'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_21',
        kind: 'stricter',
        why: 'also reports the aws_s3_bucket_versioning resource itself when its status is not Enabled, and a bucket whose companion link cannot be resolved is unknown rather than failed',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
  },
  examples: {
    failing: { resourceType: VERSIONING, body: { bucket: '${aws_s3_bucket.data.id}', versioning_configuration: { status: 'Suspended' } } },
    passing: { resourceType: VERSIONING, body: { bucket: '${aws_s3_bucket.data.id}', versioning_configuration: { status: 'Enabled' } } },
  },
  check(resource, context) {
    if (resource.type === VERSIONING) {
      return forEachBlock(
        resource.body,
        'versioning_configuration',
        (config) => requireOneOf(config.body, 'status', 'versioning', ['Enabled'], { path: config.path }),
        violation('no versioning_configuration block', 'versioning_configuration'),
      );
    }
    const companions = bucketCompanions(resource, context, VERSIONING);
    // The deprecated inline `versioning { enabled = true }` of aws_s3_bucket counts when there is no separate resource.
    const withoutInline = () => companionResult(companions, VERSIONING, 'so overwritten and deleted objects cannot be recovered');
    if (companions.found.length === 0 && blocks(resource.body, 'versioning').occurrences.length > 0) {
      // A dynamic inline block may produce none: then the missing companion decides.
      return forEachBlock(
        resource.body,
        'versioning',
        (v) => requireBool(v.body, 'enabled', 'versioning', { path: v.path, defaultValue: false }),
        withoutInline,
      );
    }
    return withoutInline();
  },
});
