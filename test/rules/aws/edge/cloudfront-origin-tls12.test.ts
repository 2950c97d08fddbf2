import { cloudfrontOriginTls12 as rule } from '../../../../rules/aws/edge/cloudfront-origin-tls12';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';
const origin = (protocols: unknown) => ({
  origin_id: 'app',
  domain_name: 'app.example.com',
  custom_origin_config: { origin_protocol_policy: 'https-only', origin_ssl_protocols: protocols },
});
const run = (protocols: unknown) => findingsFor(rule, CF, { origin: [origin(protocols)] });

describe('cloudfront-origin-tls12', () => {
  itHonoursItsExamples(rule);

  it('fires for SSLv3, TLSv1 or TLSv1.1 in the list, and for a missing list', () => {
    expect(kinds(run(['SSLv3', 'TLSv1.2']))).toEqual(['violation']);
    expect(kinds(run(['TLSv1.1', 'TLSv1.2']))).toEqual(['violation']);
    expect(run(['TLSv1', 'TLSv1.2'])[0].message).toContain('TLSv1');
    expect(kinds(run(undefined))).toEqual(['violation']);
  });

  it('is quiet for TLSv1.2 only', () => {
    expect(run(['TLSv1.2'])).toEqual([]);
  });

  it('is unknown when the list or an item is an expression', () => {
    expect(kinds(run('${var.protocols}'))).toEqual(['unknown']);
    expect(kinds(run(['TLSv1.2', '${var.p}']))).toEqual(['unknown']);
    // A known obsolete item decides even next to an expression.
    expect(kinds(run(['TLSv1', '${var.p}']))).toEqual(['violation']);
  });
});
