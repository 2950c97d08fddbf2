import { doSpacesCorsNoWildcardOrigin as rule } from '../../../rules/digitalocean/do-spaces-cors-no-wildcard-origin';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const cors = (origins: unknown, methods: unknown = ['GET']) => ({ allowed_methods: methods, allowed_origins: origins });
const config = (...rules: unknown[]) =>
  findingsFor(rule, 'digitalocean_spaces_bucket_cors_configuration', { bucket: 'uploads', region: 'ams3', cors_rule: rules });
const bucket = (extra: Record<string, unknown>) => findingsFor(rule, 'digitalocean_spaces_bucket', { name: 'uploads', region: 'ams3', ...extra });

describe('do-spaces-cors-no-wildcard-origin', () => {
  itHonoursItsExamples(rule);

  describe('digitalocean_spaces_bucket_cors_configuration', () => {
    test('fires on an origin of "*"', () => {
      const found = config(cors(['https://app.example.com']), cors(['https://app.example.com', '*'], ['PUT']));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'cors_rule[1].allowed_origins' });
    });

    test('quiet on named origins, including one wildcard label', () => {
      expect(config(cors(['https://app.example.com', 'https://*.example.com']))).toEqual([]);
    });

    test('unknown for expressions', () => {
      expect(kinds(config(cors('${var.origins}')))).toEqual(['unknown']);
      expect(kinds(config(cors(['${var.origin}'])))).toEqual(['unknown']);
      expect(
        kinds(findingsFor(rule, 'digitalocean_spaces_bucket_cors_configuration', { bucket: 'uploads', region: 'ams3', cors_rule: '${local.cors}' })),
      ).toEqual(['unknown']);
    });
  });

  describe('digitalocean_spaces_bucket (its deprecated cors_rule blocks)', () => {
    test('fires on "*", quiet on named origins and without CORS', () => {
      expect(kinds(bucket({ cors_rule: [cors(['*'])] }))).toEqual(['violation']);
      expect(kinds(bucket({ cors_rule: cors([' * ']) }))).toEqual(['violation']);
      expect(bucket({ cors_rule: [cors(['https://app.example.com'])] })).toEqual([]);
      expect(bucket({})).toEqual([]);
    });

    test('unknown when origins are an expression, or come from a dynamic block', () => {
      expect(kinds(bucket({ cors_rule: [cors('${var.origins}')] }))).toEqual(['unknown']);
      expect(kinds(bucket({ dynamic: { cors_rule: { for_each: '${var.cors}', content: cors('${cors_rule.value.origins}') } } }))).toEqual(['unknown']);
    });
  });
});
