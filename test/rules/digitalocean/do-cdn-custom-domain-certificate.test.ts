import { doCdnCustomDomainCertificate as rule } from '../../../rules/digitalocean/do-cdn-custom-domain-certificate';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

const check = (extra: Record<string, unknown>) => findingsFor(rule, 'digitalocean_cdn', { origin: 'assets.ams3.digitaloceanspaces.com', ...extra });

describe('do-cdn-custom-domain-certificate', () => {
  itHonoursItsExamples(rule);

  test('fires on a custom domain without a certificate', () => {
    const found = check({ custom_domain: 'static.example.com' });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'warning', attribute: 'certificate_name' });
    expect(kinds(check({ custom_domain: 'static.example.com', certificate_name: '' }))).toEqual(['violation']);
  });

  test('quiet with a certificate name or (deprecated) id, and without a custom domain', () => {
    expect(check({ custom_domain: 'static.example.com', certificate_name: 'static-cert' })).toEqual([]);
    expect(check({ custom_domain: 'static.example.com', certificate_id: '${digitalocean_certificate.static.id}' })).toEqual([]);
    expect(check({})).toEqual([]);
  });

  test('unknown when the domain or the certificate is an expression that may be empty', () => {
    expect(kinds(check({ custom_domain: '${var.domain}' }))).toEqual(['unknown']);
    expect(kinds(check({ custom_domain: 'static.example.com', certificate_name: '${var.cert}' }))).toEqual(['unknown']);
    expect(kinds(check({ custom_domain: 'static.example.com', certificate_id: '${var.cert}' }))).toEqual(['unknown']);
  });
});
