/** Traffic that arrives encrypted at a load balancer stays encrypted on the way to the droplets. */
import { defineRule } from '../../engine/rule';
import { notApplicable, pass, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { boolAttr, stringAttr } from '../../engine/values';
import { forEachBlock } from '../common/shapes';

/** Entry protocols on which the load balancer terminates TLS. */
const TLS_ENTRY = ['https', 'http2', 'http3'];

export const doLoadbalancerTlsToBackend = defineRule({
  id: 'do-loadbalancer-tls-to-backend',
  title: 'Load balancers that terminate HTTPS do not forward it to droplets as plain HTTP',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['digitalocean_loadbalancer'],
  rationale:
    'A forwarding rule that accepts HTTPS (or HTTP/2, HTTP/3) and sends it on with `target_protocol = "http"` ' +
    'decrypts the request at the load balancer and carries cookies, tokens and form posts in cleartext across ' +
    'the region\'s network to the droplets. `target_protocol = "https"`, or `tls_passthrough = true`, keeps ' +
    'it encrypted to the backend. Strict: inside a VPC this is defence in depth, and it needs certificates on ' +
    'every droplet.',
  fix: 'Set `target_protocol = "https"` (with a certificate on the droplets) or `tls_passthrough = true` on the forwarding rule.',
  references: { docs: ['https://docs.digitalocean.com/products/networking/load-balancers/how-to/ssl-termination/'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_loadbalancer',
      body: {
        name: 'web',
        region: 'ams3',
        forwarding_rule: [{ entry_port: 443, entry_protocol: 'https', target_port: 8080, target_protocol: 'http', certificate_name: 'web' }],
      },
    },
    passing: {
      resourceType: 'digitalocean_loadbalancer',
      body: {
        name: 'web',
        region: 'ams3',
        forwarding_rule: [{ entry_port: 443, entry_protocol: 'https', target_port: 8443, target_protocol: 'https', certificate_name: 'web' }],
      },
    },
  },
  check(lb) {
    const results = forEachBlock(lb.body, 'forwarding_rule', (rule): CheckResult => {
      const entry = stringAttr(rule.body, 'entry_protocol');
      if (entry.state === 'unknown') return unknownValue(`${rule.path}.entry_protocol`, entry);
      if (entry.state === 'absent' || !TLS_ENTRY.includes(entry.value.toLowerCase())) return notApplicable(`${rule.path} does not terminate TLS`);
      const passthrough = boolAttr(rule.body, 'tls_passthrough');
      if (passthrough.state === 'unknown') return unknownValue(`${rule.path}.tls_passthrough`, passthrough);
      if (passthrough.state === 'known' && passthrough.value) return pass(`${rule.path} passes TLS through to the droplets`, `${rule.path}.tls_passthrough`);
      const target = stringAttr(rule.body, 'target_protocol');
      if (target.state === 'unknown') return unknownValue(`${rule.path}.target_protocol`, target);
      if (target.state === 'known' && target.value.toLowerCase() === 'http') {
        return violation(`${rule.path} decrypts ${entry.value} and forwards plain HTTP to the droplets`, `${rule.path}.target_protocol`);
      }
      return pass(`${rule.path} forwards ${target.state === 'known' ? target.value : 'its traffic'} to the droplets`, `${rule.path}.target_protocol`);
    });
    return results.length > 0 ? results : notApplicable('no forwarding rule');
  },
});
