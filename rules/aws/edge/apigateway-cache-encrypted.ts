/** API Gateway response caches are encrypted. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknownValue } from '../../../engine/results';
import { boolAttr } from '../../../engine/values';
import { forEachBlock, requireBool } from '../../common/shapes';

const SETTINGS = 'aws_api_gateway_method_settings';

export const apigatewayCacheEncrypted = defineRule({
  id: 'apigateway-cache-encrypted',
  title: 'API Gateway method settings that enable caching encrypt the cache',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: [SETTINGS],
  rationale:
    'A stage cache holds whole responses (personal data, tokens in bodies) for their TTL. cache_data_encrypted ' +
    'defaults to false, so cached responses are stored unencrypted at rest. Method settings without caching are ' +
    'not applicable. Strict: it guards data at rest inside a managed service, a defence in depth.',
  fix: 'Set settings { caching_enabled = true, cache_data_encrypted = true } (or turn caching off for methods that return sensitive data).',
  references: {
    checkov: ['CKV_AWS_308'],
    docs: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html'],
  },
  examples: {
    failing: {
      resourceType: SETTINGS,
      body: { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod', method_path: '*/*', settings: { caching_enabled: true } },
    },
    passing: {
      resourceType: SETTINGS,
      body: {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}',
        stage_name: 'prod',
        method_path: '*/*',
        settings: { caching_enabled: true, cache_data_encrypted: true },
      },
    },
  },
  check: (resource) =>
    forEachBlock(resource.body, 'settings', (settings) => {
      const caching = boolAttr(settings.body, 'caching_enabled');
      if (caching.state === 'unknown') {
        const encrypted = requireBool(settings.body, 'cache_data_encrypted', 'cache encryption', { path: settings.path, defaultValue: false });
        return encrypted.status === 'pass' ? encrypted : unknownValue(`${settings.path}.caching_enabled`, caching);
      }
      if (caching.state === 'absent' || !caching.value) return notApplicable('caching is not enabled');
      return requireBool(settings.body, 'cache_data_encrypted', 'cache encryption', { path: settings.path, defaultValue: false });
    }),
});
