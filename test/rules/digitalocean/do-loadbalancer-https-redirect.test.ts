import { doLoadbalancerHttpsRedirect as rule } from '../../../rules/digitalocean/do-loadbalancer-https-redirect';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const http = { entry_port: 80, entry_protocol: 'http', target_port: 8080, target_protocol: 'http' };
const https = { entry_port: 443, entry_protocol: 'https', target_port: 8080, target_protocol: 'http', certificate_name: 'web' };
const lb = (extra: Record<string, unknown>) => ({ name: 'web', region: 'ams3', ...extra });
const check = (body: Record<string, unknown>) => findingsFor(rule, 'digitalocean_loadbalancer', body);

describe('do-loadbalancer-https-redirect', () => {
  itHonoursItsExamples(rule);

  test('fires on an http forwarding rule without the redirect', () => {
    const found = check(lb({ forwarding_rule: [http, https] }));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'redirect_http_to_https' });
    expect(kinds(check(lb({ forwarding_rule: http, redirect_http_to_https: false })))).toEqual(['violation']);
  });

  test('quiet with the redirect, without http rules, or when internal', () => {
    expect(check(lb({ forwarding_rule: [http, https], redirect_http_to_https: true }))).toEqual([]);
    expect(check(lb({ forwarding_rule: [https, { ...https, entry_protocol: 'http2', entry_port: 8443 }] }))).toEqual([]);
    expect(check(lb({ forwarding_rule: [{ entry_port: 5432, entry_protocol: 'tcp', target_port: 5432, target_protocol: 'tcp' }] }))).toEqual([]);
    expect(check(lb({ forwarding_rule: [http], network: 'INTERNAL' }))).toEqual([]);
  });

  test('unknown for expressions', () => {
    expect(kinds(check(lb({ forwarding_rule: [http], redirect_http_to_https: '${var.redirect}' })))).toEqual(['unknown']);
    expect(kinds(check(lb({ forwarding_rule: [{ ...http, entry_protocol: '${var.protocol}' }] })))).toEqual(['unknown']);
    expect(kinds(check(lb({ forwarding_rule: '${local.rules}' })))).toEqual(['unknown']);
    expect(kinds(check(lb({ forwarding_rule: [http], network: '${var.network}' })))).toEqual(['unknown']);
    // The redirect settles it whatever the rules are.
    expect(check(lb({ forwarding_rule: '${local.rules}', redirect_http_to_https: true }))).toEqual([]);
  });

  test('dynamic forwarding_rule blocks', () => {
    const dyn = (content: Record<string, unknown>) => lb({ dynamic: { forwarding_rule: { for_each: '${var.rules}', content } } });
    expect(kinds(check(dyn({ ...http, entry_protocol: '${forwarding_rule.value.protocol}' })))).toEqual(['unknown']);
    expect(kinds(check(dyn(http)))).toEqual(['violation']);
    expect(check(dyn(https))).toEqual([]);
  });
});
