/** S3 bucket policies grant nothing to everyone, except approved public reads. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { and, known, not, type Answer } from '../../../engine/values';
import { allowsAnyoneUnrestricted, anyItem, forbidStatements, readPolicy, type PolicyStatement } from '../policy';
import { bucketNamed } from '../data/s3-common';
import { awsTags, hasTag } from '../../common/tags';

const POLICY = 'aws_s3_bucket_policy';
const BUCKET = 'aws_s3_bucket';
/** What a public website or download bucket grants anonymous visitors: reading objects, nothing else. */
const PUBLIC_READ = ['s3:getobject', 's3:getobjectversion'];

/** Whether the statement only reads objects (every Action is s3:GetObject / s3:GetObjectVersion). */
function readsObjectsOnly(s: PolicyStatement): Answer {
  if (s.actions.state === 'absent') return known(false);
  return not(anyItem(s.actions, 'Action', (a) => !PUBLIC_READ.includes(a.trim().toLowerCase())));
}

/** Whether the bucket the policy is for carries the approval tag for public exposure. */
function approvedPublic(bucket: ResourceRecord | undefined, context: RuleContext): Answer {
  if (!bucket) return known(false);
  const { key, value } = context.tags.awsExposure;
  const tagged = hasTag(awsTags(bucket, context), key, value);
  return tagged.state === 'absent' ? known(false) : tagged;
}

export const s3PolicyNoPublicPrincipal = defineRule({
  id: 's3-policy-no-public-principal',
  title: 'S3 bucket policies grant nothing to Principal "*" without a condition (approved public reads excepted)',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: [POLICY, BUCKET],
  rationale:
    'An Allow for Principal "*" (or {"AWS": "*"}, or NotPrincipal) with no condition tying it to known ' +
    'accounts, organizations or VPC endpoints (aws:PrincipalOrgID, aws:SourceVpce, aws:PrincipalAccount, ' +
    'aws:SourceArn…) is a grant to every AWS customer and every anonymous caller: data leaks and, with write ' +
    'actions, bucket takeover for malware hosting or ransom. A public website or download bucket may grant ' +
    's3:GetObject (and s3:GetObjectVersion) to everyone when the bucket carries the public-exposure approval ' +
    'tag (AWS `exposure = public` by default); anything more, or an untagged bucket, is reported. Prefer ' +
    'CloudFront with origin access control over a public bucket.',
  fix:
    'Name the principals (account or role ARNs), add a condition on aws:PrincipalOrgID / aws:SourceVpce / ' +
    'aws:SourceArn, or serve the content through CloudFront with origin access control; for an intended ' +
    'public read, grant only s3:GetObject on bucket/* and tag the bucket with the approval tag.',
  references: {
    checkov: ['CKV_AWS_70'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_70',
        kind: 'looser',
        why: 'an s3:GetObject-only grant to "*" is accepted on a bucket that carries the public-exposure approval tag (a reviewed public website or download bucket).',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status'],
  },
  examples: {
    failing: {
      resourceType: POLICY,
      body: {
        bucket: '${aws_s3_bucket.data.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '${aws_s3_bucket.data.arn}/*' }],
        }),
      },
    },
    passing: {
      resourceType: POLICY,
      body: {
        bucket: '${aws_s3_bucket.data.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: '${aws_s3_bucket.data.arn}/*',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context): CheckResult[] | CheckResult {
    if (resource.type === BUCKET && (resource.body.policy === undefined || resource.body.policy === null)) {
      return notApplicable(`no inline policy (an ${POLICY} is checked on its own)`);
    }
    const bucket = resource.type === BUCKET ? resource : bucketNamed(resource.body.bucket, context);
    const approved = approvedPublic(bucket, context);
    return forbidStatements(
      readPolicy(resource.body.policy, context),
      'policy',
      (s) => and(allowsAnyoneUnrestricted(s), not(and(approved, readsObjectsOnly(s)))),
      'allows Principal "*" with no condition that limits it to known accounts (and is not an approved public read)',
    );
  },
});
