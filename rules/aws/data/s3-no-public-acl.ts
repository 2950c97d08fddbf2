/** No S3 ACL grants anything to everyone, or to every AWS account holder. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { describeExpression, stringAttr } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';

/** Canned ACLs that grant to AllUsers or AuthenticatedUsers (any AWS account). */
export const PUBLIC_CANNED_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];

/** The two public grantee groups, matched without scheme or case. */
const PUBLIC_GROUPS = ['acs.amazonaws.com/groups/global/allusers', 'acs.amazonaws.com/groups/global/authenticatedusers'];

export const s3NoPublicAcl = defineRule({
  id: 's3-no-public-acl',
  title: 'S3 ACLs grant nothing to AllUsers or AuthenticatedUsers',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_s3_bucket_acl', 'aws_s3_bucket'],
  rationale:
    'public-read and public-read-write give the world read (or write) access to the bucket; ' +
    'authenticated-read and the AuthenticatedUsers group mean "anyone with any AWS account", which is the ' +
    'same thing. Grants like these are how most public-bucket leaks happen, and they survive until someone ' +
    'notices.',
  fix:
    'Use `acl = "private"` (or no ACL at all, with aws_s3_bucket_ownership_controls set to BucketOwnerEnforced) ' +
    'and grant access through bucket policies naming specific principals. Remove grants to the AllUsers / ' +
    'AuthenticatedUsers groups from access_control_policy and from the legacy aws_s3_bucket `grant` blocks.',
  references: {
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_375', 'CKV2_AWS_43'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_20',
        kind: 'different',
        why:
          'a public ACL set by a separate aws_s3_bucket_acl is reported on that aws_s3_bucket_acl (where the fix goes), not on the aws_s3_bucket as ' +
          "checkov's graph check does; the bucket itself is reported only for its own acl / grant. One rule covers read and write (CKV_AWS_57) alike.",
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_375',
        kind: 'stricter',
        why: 'checkov fails only FULL_CONTROL and READ_ACP grants to AllUsers; here any grant to AllUsers or AuthenticatedUsers is reported, whatever its permission.',
      },
      {
        peer: 'checkov',
        check: 'CKV2_AWS_43',
        kind: 'stricter',
        why:
          'checkov looks only at access_control_policy grants to AuthenticatedUsers; the canned authenticated-read ACL and the legacy aws_s3_bucket grant ' +
          'blocks are reported too, and a grantee uri that is an expression is unknown.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl'],
  },
  examples: {
    failing: { resourceType: 'aws_s3_bucket_acl', body: { bucket: '${aws_s3_bucket.data.id}', acl: 'public-read' } },
    passing: { resourceType: 'aws_s3_bucket_acl', body: { bucket: '${aws_s3_bucket.data.id}', acl: 'private' } },
  },
  check(resource) {
    const body = resource.body;
    const results: CheckResult[] = [cannedAcl(body)];
    if (resource.type === 'aws_s3_bucket_acl') {
      results.push(
        ...forEachBlock(body, 'access_control_policy', (policy) =>
          forEachBlock(policy.body, 'grant', (grant) =>
            forEachBlock(grant.body, 'grantee', (grantee) => granteeResult(grantee.body, `${policy.path}.${grant.path}.${grantee.path}`)),
          ),
        ),
      );
    } else {
      // The deprecated inline grants of aws_s3_bucket: `grant { type = "Group", uri = ..., permissions = [...] }`.
      results.push(...forEachBlock(body, 'grant', (grant) => granteeResult(grant.body, grant.path)));
    }
    return results;
  },
});

function cannedAcl(body: JsonObject): CheckResult {
  const acl = stringAttr(body, 'acl');
  if (acl.state === 'unknown') return unknownValue('acl', acl);
  if (acl.state === 'known' && PUBLIC_CANNED_ACLS.includes(acl.value.trim().toLowerCase())) {
    return violation(`acl = "${acl.value}" grants access to ${acl.value.startsWith('authenticated') ? 'every AWS account' : 'everyone'}`, 'acl');
  }
  return pass(acl.state === 'known' ? `acl = "${acl.value}" is not public` : 'no canned ACL', 'acl');
}

function granteeResult(grantee: JsonObject, path: string): CheckResult {
  const uri = stringAttr(grantee, 'uri');
  const attribute = `${path}.uri`;
  if (uri.state === 'unknown') return unknown(`${attribute} is ${describeExpression(uri.expression)}, which may be a public group`, attribute);
  if (uri.state === 'absent') return pass(`${path} grants to a specific grantee`, attribute);
  const normalized = uri.value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '');
  if (PUBLIC_GROUPS.includes(normalized)) return violation(`${path} grants to the public group ${uri.value}`, attribute);
  return pass(`${path} grants to ${uri.value}`, attribute);
}
