/** A CDN endpoint on a custom domain serves it with a certificate for that domain. */
import { defineRule } from '../../engine/rule';
import { notApplicable, unknownValue } from '../../engine/results';
import { stringAttr } from '../../engine/values';
import { requirePresent } from '../common/shapes';

export const doCdnCustomDomainCertificate = defineRule({
  id: 'do-cdn-custom-domain-certificate',
  title: 'CDN endpoints with a custom domain name a TLS certificate',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['digitalocean_cdn'],
  rationale:
    'A CDN endpoint on a custom subdomain needs a DigitalOcean certificate for that name to serve it over ' +
    'HTTPS. Without `certificate_name` the custom domain has no certificate of its own: browsers either get ' +
    'a name mismatch or the content is fetched over plain HTTP, where scripts and styles can be altered in ' +
    'transit. The default endpoint (`*.cdn.digitaloceanspaces.com`) is not checked. Strict: DigitalOcean ' +
    'expects a certificate with a custom domain, so this mostly reports at plan time what apply would reject.',
  fix: 'Create a `digitalocean_certificate` (type `lets_encrypt`) for the domain and set `certificate_name = digitalocean_certificate.<name>.name`.',
  references: { docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/cdn'] },
  examples: {
    failing: { resourceType: 'digitalocean_cdn', body: { origin: 'assets.ams3.digitaloceanspaces.com', custom_domain: 'static.example.com' } },
    passing: {
      resourceType: 'digitalocean_cdn',
      body: { origin: 'assets.ams3.digitaloceanspaces.com', custom_domain: 'static.example.com', certificate_name: '${digitalocean_certificate.static.name}' },
    },
  },
  check(cdn) {
    const domain = stringAttr(cdn.body, 'custom_domain');
    if (domain.state === 'unknown') return unknownValue('custom_domain', domain);
    if (domain.state === 'absent' || domain.value.trim() === '') return notApplicable('no custom domain');
    // certificate_id is the deprecated way to name the same certificate.
    const byName = requirePresent(cdn.body, 'certificate_name', `a certificate for ${domain.value}`);
    const byId = requirePresent(cdn.body, 'certificate_id', `a certificate for ${domain.value}`);
    if (byName.status === 'pass' || byId.status === 'pass') return byName.status === 'pass' ? byName : byId;
    return byName.status === 'unknown' ? byName : byId.status === 'unknown' ? byId : byName;
  },
});
