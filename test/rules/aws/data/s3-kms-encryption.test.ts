import { s3KmsEncryption as rule } from '../../../../rules/aws/data/s3-kms-encryption';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { at, exampleFindings } from '../policy/helpers';

const SSE = 'aws_s3_bucket_server_side_encryption_configuration';
const sse = (algorithm: unknown) => ({ bucket: '${aws_s3_bucket.b.id}', rule: { apply_server_side_encryption_by_default: { sse_algorithm: algorithm } } });

describe('s3-kms-encryption', () => {
  describe(SSE, () => {
    it('fires for SSE-S3 (AES256) or a rule without default encryption', () => {
      expect(kinds(findingsFor(rule, SSE, sse('AES256')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, SSE, { bucket: '${aws_s3_bucket.b.id}', rule: { bucket_key_enabled: true } }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, SSE, { bucket: '${aws_s3_bucket.b.id}' }))).toEqual(['violation']);
    });

    it('fires for each non-KMS rule when there are several', () => {
      const body = {
        bucket: 'b',
        rule: [
          { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } },
          { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
        ],
      };
      const found = findingsFor(rule, SSE, body);
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('rule[1].apply_server_side_encryption_by_default.sse_algorithm');
    });

    it('is quiet for aws:kms and aws:kms:dsse', () => {
      expect(findingsFor(rule, SSE, sse('aws:kms'))).toEqual([]);
      expect(findingsFor(rule, SSE, sse('aws:kms:dsse'))).toEqual([]);
    });

    it('is unknown for an expression algorithm, or a rule that only a dynamic block writes', () => {
      expect(kinds(findingsFor(rule, SSE, sse('${var.algorithm}')))).toEqual(['unknown']);
      const dynamicOnly = {
        bucket: 'b',
        dynamic: { rule: { for_each: '${var.rules}', content: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } } } },
      };
      expect(kinds(findingsFor(rule, SSE, dynamicOnly))).toEqual(['unknown']);
    });
  });

  describe('aws_s3_bucket', () => {
    it('fires for a bucket without an encryption configuration', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }))).toEqual(['violation']);
    });

    it('is quiet when a configuration references it (its content is checked there)', () => {
      const others = { resource: { [SSE]: { c: { ...sse('aws:kms'), bucket: '${aws_s3_bucket.subject.id}' } } } };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others)).toEqual([]);
      const weak = { resource: { aws_s3_bucket: { subject: { bucket: 'b' } }, [SSE]: { c: { ...sse('AES256'), bucket: '${aws_s3_bucket.subject.id}' } } } };
      const found = findings(rule, weak);
      expect(at(found, 'aws_s3_bucket.subject')).toEqual([]);
      expect(kinds(at(found, `${SSE}.c`))).toEqual(['violation']);
    });

    it('is unknown when the only configuration points at an unresolvable bucket', () => {
      const others = { resource: { [SSE]: { c: { ...sse('aws:kms'), bucket: '${local.bucket}' } } } };
      expect(kinds(at(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others), 'aws_s3_bucket.subject'))).toEqual(['unknown']);
    });

    it('reads the deprecated inline server_side_encryption_configuration', () => {
      const inline = (algorithm: string) => ({
        bucket: 'b',
        server_side_encryption_configuration: { rule: { apply_server_side_encryption_by_default: { sse_algorithm: algorithm } } },
      });
      expect(findingsFor(rule, 'aws_s3_bucket', inline('aws:kms'))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', inline('AES256')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', inline('${var.alg}')))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });

  describe('a bucket served as an S3 website endpoint (corpus: s3-static-website, serverless-posts)', () => {
    // const site = new S3Bucket(this, 'site', { bucketPrefix: 'posts-frontend-dev' });
    // new S3BucketWebsiteConfiguration(this, 'site-website', { bucket: site.bucket, indexDocument: { suffix: 'index.html' } });
    const website = (bucket: string) => ({ aws_s3_bucket_website_configuration: { 'site-website': { bucket, index_document: { suffix: 'index.html' } } } });
    const stack = (bucket = '${aws_s3_bucket.site.bucket}', more: Record<string, unknown> = {}) => ({
      resource: { aws_s3_bucket: { site: { bucket_prefix: 'posts-frontend-dev' } }, ...website(bucket), ...more },
    });

    it('is not applicable: anonymous reads of SSE-KMS objects are refused, so KMS would break the site', () => {
      expect(at(findings(rule, stack()), 'aws_s3_bucket.site')).toEqual([]);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'www', website: { index_document: 'index.html' } })).toEqual([]);
    });

    it('nor to the encryption configuration of such a bucket (by reference or by name)', () => {
      const aes = { [SSE]: { c: { ...sse('AES256'), bucket: '${aws_s3_bucket.site.id}' } } };
      expect(findings(rule, stack(undefined, aes))).toEqual([]);
      const named = {
        resource: {
          aws_s3_bucket: { site: { bucket: 'www.example.com' } },
          ...website('www.example.com'),
          [SSE]: { c: { ...sse('AES256'), bucket: 'www.example.com' } },
        },
      };
      expect(findings(rule, named)).toEqual([]);
    });

    it('still fires for a bucket that no website configuration points at', () => {
      expect(kinds(at(findings(rule, stack('${aws_s3_bucket.other.bucket}')), 'aws_s3_bucket.site'))).toEqual(['violation']);
      const aes = { [SSE]: { c: { ...sse('AES256'), bucket: '${aws_s3_bucket.site.id}' } } };
      expect(kinds(at(findings(rule, stack('${aws_s3_bucket.other.bucket}', aes)), `${SSE}.c`))).toEqual(['violation']);
    });

    it('is unknown, not a violation, when a website configuration may point at it', () => {
      const found = at(findings(rule, stack('${var.site}')), 'aws_s3_bucket.site');
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/no aws_s3_bucket_server_side_encryption_configuration points at it.*whether it is a website endpoint/);
    });
  });
});
