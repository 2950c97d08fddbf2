import { cloudfrontViewerHttps as rule } from '../../../../rules/aws/edge/cloudfront-viewer-https';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const CF = 'aws_cloudfront_distribution';
const behavior = (policy: unknown) => ({ target_origin_id: 'o', viewer_protocol_policy: policy });
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, CF, body));

describe('cloudfront-viewer-https', () => {
  itHonoursItsExamples(rule);

  it('fires for allow-all on the default behavior or on any ordered behavior', () => {
    expect(run({ default_cache_behavior: behavior('allow-all') })).toEqual(['violation']);
    expect(run({ default_cache_behavior: behavior('https-only'), ordered_cache_behavior: [behavior('redirect-to-https'), behavior('allow-all')] })).toEqual([
      'violation',
    ]);
  });

  it('fires without a default_cache_behavior', () => {
    expect(run({ ordered_cache_behavior: [behavior('https-only')] })).toEqual(['violation']);
  });

  it('is quiet when every behavior uses HTTPS', () => {
    expect(run({ default_cache_behavior: behavior('redirect-to-https'), ordered_cache_behavior: [behavior('https-only')] })).toEqual([]);
  });

  it('is unknown for an expression or a dynamic behavior that may not exist', () => {
    expect(run({ default_cache_behavior: behavior('${var.policy}') })).toEqual(['unknown']);
    expect(run({ default_cache_behavior: behavior('https-only'), ordered_cache_behavior: '${local.behaviors}' })).toEqual(['unknown']);
    expect(run({ dynamic: { default_cache_behavior: { for_each: '${var.x}', content: behavior('https-only') } } })).toEqual(['unknown']);
  });
});
