/** A Spaces bucket's CORS rules name the web origins that may use it, not every site on the internet. */
import { defineRule } from '../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { describeExpression, isExpression, listAttr } from '../../engine/values';
import { forEachBlock } from '../common/shapes';

export const doSpacesCorsNoWildcardOrigin = defineRule({
  id: 'do-spaces-cors-no-wildcard-origin',
  title: 'Spaces CORS rules do not allow every origin',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['digitalocean_spaces_bucket', 'digitalocean_spaces_bucket_cors_configuration'],
  rationale:
    'A CORS rule with `allowed_origins = ["*"]` lets scripts on any web site call the bucket from a visitor\'s ' +
    'browser and read the answers: with presigned URLs or upload forms, a malicious page can read or write ' +
    "objects through a user who holds them. Naming the application's origins (`https://app.example.com`, " +
    'or one wildcard label such as `https://*.example.com`) limits that to your own pages. Strict: a bucket of ' +
    'public assets (fonts, images) fetched by other sites legitimately allows every origin for GET.',
  fix: 'List the application\'s origins in `allowed_origins` instead of "*".',
  references: {
    docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket_cors_configuration'],
  },
  examples: {
    failing: {
      resourceType: 'digitalocean_spaces_bucket_cors_configuration',
      body: { bucket: 'uploads', region: 'ams3', cors_rule: [{ allowed_methods: ['GET', 'PUT'], allowed_origins: ['*'] }] },
    },
    passing: {
      resourceType: 'digitalocean_spaces_bucket_cors_configuration',
      body: { bucket: 'uploads', region: 'ams3', cors_rule: [{ allowed_methods: ['GET', 'PUT'], allowed_origins: ['https://app.example.com'] }] },
    },
  },
  check(resource) {
    const results = forEachBlock(resource.body, 'cors_rule', (rule): CheckResult => {
      const at = `${rule.path}.allowed_origins`;
      const origins = listAttr(rule.body, 'allowed_origins');
      if (origins.state === 'unknown') return unknownValue(at, origins);
      if (origins.state === 'absent') return notApplicable(`${rule.path} has no allowed_origins`);
      if (origins.value.some((o) => typeof o === 'string' && o.trim() === '*')) return violation(`${rule.path} allows every origin ("*")`, at);
      const open = origins.value.find((o) => typeof o !== 'string' || isExpression(o));
      if (open !== undefined) return unknown(`${at} includes ${describeExpression(typeof open === 'string' ? open : JSON.stringify(open))}`, at);
      return pass(`${rule.path} allows ${origins.value.join(', ')}`, at);
    });
    return results.length > 0 ? results : notApplicable('no CORS rule');
  },
});
