/** A public load balancer that accepts plain HTTP sends it on to HTTPS instead of serving it. */
import { defineRule } from '../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { blocks, boolAttr, describeExpression, stringAttr } from '../../engine/values';
import { digitaloceanLoadBalancerExposure } from '../common/public-exposure';

export const doLoadbalancerHttpsRedirect = defineRule({
  id: 'do-loadbalancer-https-redirect',
  title: 'External DigitalOcean load balancers redirect HTTP to HTTPS',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['digitalocean_loadbalancer'],
  rationale:
    'A forwarding rule with entry_protocol "http" serves the application in cleartext on the internet: ' +
    'session cookies, tokens and form posts can be read and altered on any network in between, and a ' +
    'user who types the bare host name never reaches HTTPS. `redirect_http_to_https` answers every plain ' +
    'request with a redirect instead. Internal (VPC-only) load balancers are not checked.',
  fix: 'Set `redirect_http_to_https = true` and add an https (or http2/http3) forwarding_rule with `certificate_name`.',
  references: { docs: ['https://docs.digitalocean.com/products/networking/load-balancers/how-to/ssl-termination/'] },
  examples: {
    failing: {
      resourceType: 'digitalocean_loadbalancer',
      body: { name: 'web', region: 'ams3', forwarding_rule: [{ entry_port: 80, entry_protocol: 'http', target_port: 8080, target_protocol: 'http' }] },
    },
    passing: {
      resourceType: 'digitalocean_loadbalancer',
      body: {
        name: 'web',
        region: 'ams3',
        redirect_http_to_https: true,
        forwarding_rule: [
          { entry_port: 80, entry_protocol: 'http', target_port: 8080, target_protocol: 'http' },
          { entry_port: 443, entry_protocol: 'https', target_port: 8080, target_protocol: 'http', certificate_name: 'web' },
        ],
      },
    },
  },
  check(lb) {
    const rules = blocks(lb.body, 'forwarding_rule');
    const http: string[] = [];
    const doubts: CheckResult[] = [];
    if (rules.unknownExpression) doubts.push(unknown(`forwarding_rule is ${describeExpression(rules.unknownExpression)}`, 'forwarding_rule'));
    for (const rule of rules.occurrences) {
      const protocol = stringAttr(rule.body, 'entry_protocol');
      if (protocol.state === 'unknown') doubts.push(unknownValue(`${rule.path}.entry_protocol`, protocol));
      else if (protocol.state === 'known' && protocol.value.toLowerCase() === 'http') http.push(rule.path);
    }
    if (http.length === 0 && doubts.length === 0) return notApplicable('no forwarding rule accepts plain HTTP');

    const redirect = boolAttr(lb.body, 'redirect_http_to_https');
    if (redirect.state === 'known' && redirect.value) return pass('plain HTTP is redirected to HTTPS', 'redirect_http_to_https');
    const exposure = digitaloceanLoadBalancerExposure(lb);
    if (exposure.state === 'known' && !exposure.value) return notApplicable('an internal load balancer is reachable from its VPC only');
    if (redirect.state === 'unknown') return unknownValue('redirect_http_to_https', redirect);
    if (http.length === 0) return doubts;
    if (exposure.state === 'unknown')
      return unknown(`${http.join(', ')} accepts plain HTTP, and whether it is external is not known: ${exposure.expression}`, 'network');
    return violation(
      `${http.join(', ')} serves plain HTTP and redirect_http_to_https is ${redirect.state === 'absent' ? 'unset (false)' : 'false'}`,
      'redirect_http_to_https',
    );
  },
});
