import { s3WebsiteHttpOnly as rule } from '../../../../rules/aws/edge/s3-website-http-only';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const W = 'aws_s3_bucket_website_configuration';

describe('s3-website-http-only', () => {
  itHonoursItsExamples(rule);

  describe(W, () => {
    it('fires for a website that serves content', () =>
      expect(kinds(findingsFor(rule, W, { bucket: 'b', index_document: { suffix: 'index.html' } }))).toEqual(['violation']));
    it('is quiet for a redirect-only website', () =>
      expect(findingsFor(rule, W, { bucket: 'b', redirect_all_requests_to: { host_name: 'example.com' } })).toEqual([]));
    it('is unknown when the redirect may not exist', () => {
      expect(kinds(findingsFor(rule, W, { bucket: 'b', redirect_all_requests_to: '${var.redirect}' }))).toEqual(['unknown']);
    });
  });

  describe('aws_s3_bucket (inline website block)', () => {
    it('fires for an inline website', () =>
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', website: { index_document: 'index.html' } }))).toEqual(['violation']));
    it('is quiet without one, or for a redirect-only one', () => {
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' })).toEqual([]);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', website: { redirect_all_requests_to: 'https://example.com' } })).toEqual([]);
    });
    it('is unknown for an expression or a dynamic block that may be empty', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', website: '${var.website}' }))).toEqual(['unknown']);
      expect(
        kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', dynamic: { website: { for_each: '${var.w}', content: { index_document: 'index.html' } } } })),
      ).toEqual(['unknown']);
    });
  });
});
