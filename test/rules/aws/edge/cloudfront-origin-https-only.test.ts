import { cloudfrontOriginHttpsOnly as rule } from '../../../../rules/aws/edge/cloudfront-origin-https-only';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';
const origin = (policy: unknown) => ({
  origin_id: 'app',
  domain_name: 'app.example.com',
  custom_origin_config: { origin_protocol_policy: policy, origin_ssl_protocols: ['TLSv1.2'] },
});
const run = (origins: unknown) => kinds(findingsFor(rule, CF, { origin: origins }));

describe('cloudfront-origin-https-only', () => {
  itHonoursItsExamples(rule);

  it('fires for http-only and match-viewer custom origins', () => {
    expect(run([origin('http-only')])).toEqual(['violation']);
    expect(run([origin('https-only'), origin('match-viewer')])).toEqual(['violation']);
  });

  it('is quiet for https-only, and for origins without custom_origin_config', () => {
    expect(run([origin('https-only')])).toEqual([]);
    expect(run([{ origin_id: 's3', domain_name: 'b.s3.amazonaws.com', origin_access_control_id: 'E123' }])).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(run([origin('${var.policy}')])).toEqual(['unknown']);
    expect(run('${local.origins}')).toEqual(['unknown']);
  });
});
