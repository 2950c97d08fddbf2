import { s3PublicAccessBlock as rule } from '../../../../rules/aws/data/s3-public-access-block';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { at, exampleFindings } from '../policy/helpers';

const ALL_ON = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
const PAB = 'aws_s3_bucket_public_access_block';

describe('s3-public-access-block', () => {
  for (const type of [PAB, 'aws_s3_account_public_access_block']) {
    describe(type, () => {
      const base = type === PAB ? { bucket: '${aws_s3_bucket.b.id}' } : {};

      it('fires for each flag that is off or unset (default false)', () => {
        const found = findingsFor(rule, type, { ...base, ...ALL_ON, ignore_public_acls: false, restrict_public_buckets: undefined });
        expect(found.map((f) => f.attribute)).toEqual(['ignore_public_acls', 'restrict_public_buckets']);
        expect(kinds(findingsFor(rule, type, base))).toEqual(['violation', 'violation', 'violation', 'violation']);
      });

      it('is quiet with all four on', () => {
        expect(findingsFor(rule, type, { ...base, ...ALL_ON })).toEqual([]);
      });

      it('is unknown for a flag that is an expression', () => {
        expect(kinds(findingsFor(rule, type, { ...base, ...ALL_ON, block_public_policy: '${var.block}' }))).toEqual(['unknown']);
      });
    });
  }

  describe('aws_s3_bucket', () => {
    const bucket = { bucket: 'example-data' };

    it('fires for a bucket with no public access block', () => {
      const found = findingsFor(rule, 'aws_s3_bucket', bucket);
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('no aws_s3_bucket_public_access_block');
    });

    it('fires when the only block is for another bucket', () => {
      const others = { resource: { [PAB]: { other: { bucket: '${aws_s3_bucket.other.id}', ...ALL_ON } } } };
      expect(kinds(at(findingsFor(rule, 'aws_s3_bucket', bucket, others), 'aws_s3_bucket.subject'))).toEqual(['violation']);
    });

    it('is quiet with a block that references it by id or bucket, or names it literally', () => {
      for (const pointer of ['${aws_s3_bucket.subject.id}', '${aws_s3_bucket.subject.bucket}', 'example-data']) {
        const others = { resource: { [PAB]: { pab: { bucket: pointer, ...ALL_ON } } } };
        expect(findingsFor(rule, 'aws_s3_bucket', bucket, others)).toEqual([]);
      }
    });

    it('is unknown when a block points at an expression that may be this bucket', () => {
      const others = { resource: { [PAB]: { pab: { bucket: '${var.bucket}', ...ALL_ON } } } };
      expect(kinds(at(findingsFor(rule, 'aws_s3_bucket', bucket, others), 'aws_s3_bucket.subject'))).toEqual(['unknown']);
    });

    it('is unknown when the bucket name is an expression and a block names a bucket literally', () => {
      const others = { resource: { [PAB]: { pab: { bucket: 'example-data', ...ALL_ON } } } };
      expect(kinds(at(findingsFor(rule, 'aws_s3_bucket', { bucket: '${var.name}' }, others), 'aws_s3_bucket.subject'))).toEqual(['unknown']);
    });

    it('counts a block created with the same count as the bucket, not one that may not exist', () => {
      const doc = (pabCount: unknown) => ({
        resource: {
          aws_s3_bucket: { b: { count: '${var.n}', bucket: 'data-${count.index}' } },
          [PAB]: { pab: { count: pabCount, bucket: '${aws_s3_bucket.b[count.index].id}', ...ALL_ON } },
        },
      });
      expect(findings(rule, doc('${var.n}'))).toEqual([]);
      expect(kinds(at(findings(rule, doc('${var.other}')), 'aws_s3_bucket.b'))).toEqual(['unknown']);
      expect(kinds(at(findings(rule, doc(0)), 'aws_s3_bucket.b'))).toEqual(['violation']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
