/** CloudFront reaches S3 bucket origins through origin access control (or a legacy origin access identity). */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { blockPresence, blocks, describeExpression, known, maybe, or, stringAttr, type Answer } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { CLOUDFRONT, isSet } from './edge-common';

/** An S3 REST endpoint: bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-<region>…; not s3-website. */
const S3_REST_DOMAIN = /\.s3(?:[.-](?!website)[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/i;
/** A bucket's REST domain name by reference: `${aws_s3_bucket.site.bucket_regional_domain_name}`. */
const S3_DOMAIN_REFERENCE = /\.(?:bucket_regional_domain_name|bucket_domain_name)\s*\}$/;

/** Whether an origin is an S3 bucket's REST endpoint. */
function isS3Origin(origin: JsonObject): Answer {
  const s3Config = blockPresence(blocks(origin, 's3_origin_config'));
  if (s3Config.state === 'known' && s3Config.value) return known(true, 'it has an s3_origin_config');
  const domain = stringAttr(origin, 'domain_name');
  if (domain.state === 'known') return known(S3_REST_DOMAIN.test(domain.value.trim()), `its domain_name is ${domain.value}`);
  if (domain.state === 'unknown') {
    if (S3_DOMAIN_REFERENCE.test(domain.expression)) return known(true, `its domain_name is ${describeExpression(domain.expression)}`);
    return maybe(`domain_name is ${describeExpression(domain.expression)}`);
  }
  return s3Config.state === 'unknown' ? maybe(`s3_origin_config comes from ${describeExpression(s3Config.expression)}`) : known(false);
}

/** origin_access_control_id, or s3_origin_config.origin_access_identity, set to something. */
function hasOriginAccess(origin: JsonObject): Answer {
  const oac = isSet(stringAttr(origin, 'origin_access_control_id'), 'origin_access_control_id');
  const oais = blocks(origin, 's3_origin_config').occurrences.filter((o) => o.mayBeNone === undefined);
  return or(oac, ...oais.map((o) => isSet(stringAttr(o.body, 'origin_access_identity'), 's3_origin_config.origin_access_identity')));
}

export const cloudfrontS3OriginAccess = defineRule({
  id: 'cloudfront-s3-origin-access',
  title: 'CloudFront S3 origins use origin access control, so the bucket need not be public',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [CLOUDFRONT],
  rationale:
    'An S3 origin without origin access control (or the legacy origin access identity) fetches objects as an ' +
    'anonymous caller, so the bucket must be readable by everyone: visitors can then skip CloudFront and its ' +
    'WAF, geo restrictions, signed URLs and logs by requesting the bucket directly. With OAC the bucket stays ' +
    'private and its policy grants cloudfront.amazonaws.com access for this distribution only. An origin whose ' +
    'domain_name is an expression that may be a bucket is unknown. Strict: a deliberately public bucket ' +
    'origin is sometimes accepted.',
  fix:
    'Create an aws_cloudfront_origin_access_control (origin_access_control_origin_type = "s3", signing_behavior = ' +
    '"always", signing_protocol = "sigv4"), set origin_access_control_id on the origin, and grant ' +
    'cloudfront.amazonaws.com s3:GetObject in the bucket policy with a condition on AWS:SourceArn = the distribution ARN.',
  references: {
    checkov: ['CKV2_AWS_46'],
    docs: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html'],
  },
  examples: {
    failing: { resourceType: CLOUDFRONT, body: { origin: [{ origin_id: 'site', domain_name: '${aws_s3_bucket.site.bucket_regional_domain_name}' }] } },
    passing: {
      resourceType: CLOUDFRONT,
      body: {
        origin: [
          {
            origin_id: 'site',
            domain_name: '${aws_s3_bucket.site.bucket_regional_domain_name}',
            origin_access_control_id: '${aws_cloudfront_origin_access_control.site.id}',
          },
        ],
      },
    },
  },
  check(resource) {
    return forEachBlock(resource.body, 'origin', (origin): CheckResult => {
      const custom = blockPresence(blocks(origin.body, 'custom_origin_config'));
      if (custom.state === 'known' && custom.value) return notApplicable(`${origin.path} is a custom origin, not an S3 REST endpoint`);
      const access = hasOriginAccess(origin.body);
      if (access.state === 'known' && access.value) return pass(`${origin.path} uses ${access.why}`, origin.path);
      const s3 = isS3Origin(origin.body);
      if (s3.state === 'known' && !s3.value) return notApplicable(`${origin.path} is not an S3 bucket (${s3.why ?? 'no domain_name'})`);
      if (s3.state === 'unknown') return unknown(`${origin.path} may be an S3 bucket (${s3.expression}) and has no known origin access control`, origin.path);
      if (access.state === 'unknown') return unknown(`${origin.path} is an S3 bucket and ${access.expression}`, origin.path);
      return violation(
        `${origin.path} is an S3 bucket (${s3.why}) without origin_access_control_id or an origin access identity, so the bucket must be public`,
        origin.path,
      );
    });
  },
});
