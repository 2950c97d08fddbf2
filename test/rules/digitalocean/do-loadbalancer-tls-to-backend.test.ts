import { doLoadbalancerTlsToBackend as rule } from '../../../rules/digitalocean/do-loadbalancer-tls-to-backend';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const fr = (extra: Record<string, unknown>) => ({
  entry_port: 443,
  entry_protocol: 'https',
  target_port: 8080,
  target_protocol: 'http',
  certificate_name: 'web',
  ...extra,
});
const check = (...rules: unknown[]) => findingsFor(rule, 'digitalocean_loadbalancer', { name: 'web', region: 'ams3', forwarding_rule: rules });

describe('do-loadbalancer-tls-to-backend', () => {
  itHonoursItsExamples(rule);

  test('fires when https, http2 or http3 is forwarded as plain http', () => {
    const found = check(fr({}));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'forwarding_rule[0].target_protocol' });
    expect(kinds(check(fr({ entry_protocol: 'http2' })))).toEqual(['violation']);
    expect(kinds(check(fr({ entry_protocol: 'HTTP3' })))).toEqual(['violation']);
  });

  test('quiet for https to the droplets, TLS passthrough, and rules that do not terminate TLS', () => {
    expect(check(fr({ target_protocol: 'https' }))).toEqual([]);
    expect(check(fr({ tls_passthrough: true, target_protocol: 'https', certificate_name: undefined }))).toEqual([]);
    expect(check(fr({ entry_port: 80, entry_protocol: 'http' }), fr({ entry_protocol: 'tcp', target_protocol: 'tcp' }))).toEqual([]);
    expect(findingsFor(rule, 'digitalocean_loadbalancer', { name: 'web', region: 'ams3' })).toEqual([]);
  });

  test('unknown for expressions', () => {
    expect(kinds(check(fr({ entry_protocol: '${var.protocol}' })))).toEqual(['unknown']);
    expect(kinds(check(fr({ target_protocol: '${var.protocol}' })))).toEqual(['unknown']);
    expect(kinds(check(fr({ tls_passthrough: '${var.passthrough}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', { name: 'web', region: 'ams3', forwarding_rule: '${local.rules}' }))).toEqual(['unknown']);
  });
});
