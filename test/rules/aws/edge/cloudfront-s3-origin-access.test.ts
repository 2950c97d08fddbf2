import { cloudfrontS3OriginAccess as rule } from '../../../../rules/aws/edge/cloudfront-s3-origin-access';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';
const run = (origin: Record<string, unknown>) => kinds(findingsFor(rule, CF, { origin: [{ origin_id: 'o', ...origin }] }));

describe('cloudfront-s3-origin-access', () => {
  itHonoursItsExamples(rule);

  it('fires for an S3 REST origin (by reference, literal domain or s3_origin_config) without OAC or OAI', () => {
    expect(run({ domain_name: '${aws_s3_bucket.site.bucket_regional_domain_name}' })).toEqual(['violation']);
    expect(run({ domain_name: 'site.s3.eu-west-1.amazonaws.com' })).toEqual(['violation']);
    expect(run({ domain_name: 'site.s3.amazonaws.com', s3_origin_config: { origin_access_identity: '' } })).toEqual(['violation']);
  });

  it('is quiet with OAC or OAI, and for custom or non-S3 origins', () => {
    expect(run({ domain_name: 'site.s3.amazonaws.com', origin_access_control_id: '${aws_cloudfront_origin_access_control.site.id}' })).toEqual([]);
    expect(
      run({
        domain_name: 'site.s3.amazonaws.com',
        s3_origin_config: { origin_access_identity: '${aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path}' },
      }),
    ).toEqual([]);
    expect(run({ domain_name: 'site.s3-website-eu-west-1.amazonaws.com', custom_origin_config: { origin_protocol_policy: 'http-only' } })).toEqual([]);
    expect(run({ domain_name: 'app.example.com' })).toEqual([]);
  });

  it('is unknown when the origin may be a bucket, or its OAC is an expression that may be empty', () => {
    expect(run({ domain_name: '${var.origin_domain}' })).toEqual(['unknown']);
    expect(run({ domain_name: 'site.s3.amazonaws.com', origin_access_control_id: '${var.oac}' })).toEqual(['unknown']);
  });
});
