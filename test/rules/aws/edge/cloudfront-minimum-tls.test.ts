import { cloudfrontMinimumTls as rule } from '../../../../rules/aws/edge/cloudfront-minimum-tls';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';
const ACM = 'arn:aws:acm:us-east-1:111122223333:certificate/abc';
const run = (cert: unknown) => kinds(findingsFor(rule, CF, cert === undefined ? {} : { viewer_certificate: cert }));

describe('cloudfront-minimum-tls', () => {
  itHonoursItsExamples(rule);

  it('fires for the default certificate, an old policy, the TLSv1 default, and no viewer_certificate', () => {
    expect(run({ cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1.2_2021' })).toEqual(['violation']);
    expect(run({ acm_certificate_arn: ACM, minimum_protocol_version: 'TLSv1.2_2019' })).toEqual(['violation']);
    expect(run({ acm_certificate_arn: ACM })).toEqual(['violation']);
    expect(run(undefined)).toEqual(['violation']);
  });

  it('is quiet for a custom certificate with TLSv1.2_2021 or later', () => {
    for (const v of ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025']) expect(run({ acm_certificate_arn: ACM, minimum_protocol_version: v })).toEqual([]);
    expect(run({ acm_certificate_arn: ACM, cloudfront_default_certificate: false, minimum_protocol_version: 'TLSv1.2_2021' })).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(run({ acm_certificate_arn: ACM, minimum_protocol_version: '${var.tls}' })).toEqual(['unknown']);
    expect(run({ cloudfront_default_certificate: '${var.default_cert}', minimum_protocol_version: 'TLSv1.2_2021' })).toEqual(['unknown']);
  });
});
