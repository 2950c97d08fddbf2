import { s3Versioning as rule } from '../../../../rules/aws/data/s3-versioning';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { at, exampleFindings } from '../policy/helpers';

const V = 'aws_s3_bucket_versioning';
const versioning = (status: unknown, bucket = '${aws_s3_bucket.b.id}') => ({ bucket, versioning_configuration: { status } });

describe('s3-versioning', () => {
  describe(V, () => {
    it('fires for Suspended or Disabled, or no configuration block', () => {
      expect(kinds(findingsFor(rule, V, versioning('Suspended')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, V, versioning('Disabled')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, V, { bucket: 'b' }))).toEqual(['violation']);
    });

    it('is quiet when Enabled', () => {
      expect(findingsFor(rule, V, versioning('Enabled'))).toEqual([]);
    });

    it('is unknown for an expression status or a dynamic-only block', () => {
      expect(kinds(findingsFor(rule, V, versioning('${var.status}')))).toEqual(['unknown']);
      const dyn = { bucket: 'b', dynamic: { versioning_configuration: { for_each: '${var.v}', content: { status: 'Enabled' } } } };
      expect(kinds(findingsFor(rule, V, dyn))).toEqual(['unknown']);
    });
  });

  describe('aws_s3_bucket', () => {
    it('fires without a versioning resource', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }))).toEqual(['violation']);
    });

    it('is quiet with a versioning resource that references it', () => {
      const others = { resource: { [V]: { v: versioning('Enabled', '${aws_s3_bucket.subject.id}') } } };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others)).toEqual([]);
    });

    it('is unknown when a versioning resource may be for it', () => {
      const others = { resource: { [V]: { v: versioning('Enabled', '${var.bucket}') } } };
      expect(kinds(at(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others), 'aws_s3_bucket.subject'))).toEqual(['unknown']);
    });

    it('reads the deprecated inline versioning block', () => {
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', versioning: { enabled: true } })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', versioning: { enabled: false } }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', versioning: [{ enabled: '${var.v}' }] }))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
