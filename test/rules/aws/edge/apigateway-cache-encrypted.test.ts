import { apigatewayCacheEncrypted as rule } from '../../../../rules/aws/edge/apigateway-cache-encrypted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const MS = 'aws_api_gateway_method_settings';
const run = (settings: unknown) => kinds(findingsFor(rule, MS, { rest_api_id: 'a', stage_name: 's', method_path: '*/*', settings }));

describe('apigateway-cache-encrypted', () => {
  itHonoursItsExamples(rule);
  it('fires for caching without encryption', () => {
    expect(run({ caching_enabled: true })).toEqual(['violation']);
    expect(run({ caching_enabled: true, cache_data_encrypted: false })).toEqual(['violation']);
  });
  it('is quiet for encrypted caches and when caching is off', () => {
    expect(run({ caching_enabled: true, cache_data_encrypted: true })).toEqual([]);
    expect(run({ caching_enabled: false })).toEqual([]);
    expect(run({ metrics_enabled: true })).toEqual([]);
  });
  it('is unknown for expressions', () => {
    expect(run({ caching_enabled: true, cache_data_encrypted: '${var.enc}' })).toEqual(['unknown']);
    expect(run({ caching_enabled: '${var.cache}' })).toEqual(['unknown']);
    expect(run('${var.settings}')).toEqual(['unknown']);
  });
});
