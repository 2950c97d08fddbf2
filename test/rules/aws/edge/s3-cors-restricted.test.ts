import { s3CorsRestricted as rule } from '../../../../rules/aws/edge/s3-cors-restricted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const C = 'aws_s3_bucket_cors_configuration';
const run = (rules: unknown) => kinds(findingsFor(rule, C, { bucket: 'b', cors_rule: rules }));

describe('s3-cors-restricted', () => {
  itHonoursItsExamples(rule);

  describe(C, () => {
    it('fires for "*" origins with write methods', () => {
      expect(run([{ allowed_origins: ['*'], allowed_methods: ['GET', 'PUT'] }])).toEqual(['violation']);
      expect(run([{ allowed_origins: ['https://a.example.com', '*'], allowed_methods: ['DELETE'] }])).toEqual(['violation']);
    });
    it('is quiet for named origins and for "*" reads', () => {
      expect(
        run([
          { allowed_origins: ['https://a.example.com'], allowed_methods: ['PUT'] },
          { allowed_origins: ['*'], allowed_methods: ['GET', 'HEAD'] },
        ]),
      ).toEqual([]);
    });
    it('is unknown for expressions', () => {
      expect(run([{ allowed_origins: ['${var.origin}'], allowed_methods: ['PUT'] }])).toEqual(['unknown']);
      expect(run('${var.rules}')).toEqual(['unknown']);
    });
  });

  describe('aws_s3_bucket (inline cors_rule)', () => {
    it('fires, stays quiet, and is unknown', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', cors_rule: { allowed_origins: ['*'], allowed_methods: ['POST'] } }))).toEqual([
        'violation',
      ]);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', cors_rule: { allowed_origins: ['*'], allowed_methods: '${var.m}' } }))).toEqual([
        'unknown',
      ]);
    });
  });
});
