/**
 * Managed databases accept connections only from trusted sources. Without a database firewall a cluster's
 * public endpoint accepts connections from any address, protected by a password alone.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult, ResourceRecord } from '../../engine/types';
import { describeExpression, isNo, referencedAddress, stringAttr } from '../../engine/values';
import { isInternetCidr } from '../common/ports';
import { forEachBlock } from '../common/shapes';
import { willExist } from './common';

export const doDatabaseFirewall = defineRule({
  id: 'do-database-firewall',
  title: 'Managed database clusters have a database firewall that does not trust the whole internet',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['digitalocean_database_cluster', 'digitalocean_database_firewall'],
  rationale:
    'A DigitalOcean managed database has a public hostname, and until trusted sources are set it accepts ' +
    'connections from any address: only the password stands between the internet and the data. A ' +
    'digitalocean_database_firewall limits connections to named droplets, tags, Kubernetes clusters, apps ' +
    'or addresses; an ip_addr rule of 0.0.0.0/0 or ::/0 undoes that.',
  fix:
    'Add a digitalocean_database_firewall with `cluster_id = digitalocean_database_cluster.<name>.id` and ' +
    '`rule` blocks for the clients only (type droplet, tag, k8s or app; ip_addr for specific addresses).',
  references: { docs: ['https://docs.digitalocean.com/products/databases/postgresql/how-to/secure/'] },
  examples: {
    failing: { resourceType: 'digitalocean_database_firewall', body: { cluster_id: 'abc', rule: [{ type: 'ip_addr', value: '0.0.0.0/0' }] } },
    passing: { resourceType: 'digitalocean_database_firewall', body: { cluster_id: 'abc', rule: [{ type: 'tag', value: 'role:app' }] } },
  },
  check: (resource, context) => (resource.type === 'digitalocean_database_firewall' ? firewallRules(resource) : clusterHasFirewall(resource, context)),
});

/** The cluster side: some firewall in the stack names this cluster. Its rules are checked on the firewall. */
function clusterHasFirewall(cluster: ResourceRecord, context: RuleContext): CheckResult {
  const doubts: string[] = [];
  for (const firewall of context.resourcesOfType('digitalocean_database_firewall')) {
    const exists = willExist(firewall);
    if (isNo(exists)) continue;
    const target = stringAttr(firewall.body, 'cluster_id');
    const address = target.state === 'unknown' ? referencedAddress(target.expression) : undefined;
    if (address === cluster.address) {
      if (exists.state === 'known') return pass(`${firewall.address} sets its trusted sources`);
      doubts.push(exists.expression);
    } else if (target.state === 'unknown' && address === undefined) {
      doubts.push(`${firewall.address} has cluster_id = ${describeExpression(target.expression)}`);
    }
  }
  if (doubts.length > 0) return unknown(`no database firewall in this stack is known to cover it (${doubts.join('; ')})`);
  return violation('no digitalocean_database_firewall in this stack has cluster_id pointing at it: it accepts connections from any address');
}

function firewallRules(firewall: ResourceRecord): CheckResult[] {
  return forEachBlock(
    firewall.body,
    'rule',
    (rule) => {
      const type = stringAttr(rule.body, 'type');
      const value = stringAttr(rule.body, 'value');
      const at = `${rule.path}.value`;
      if (value.state === 'absent') return unknown(`${rule.path} has no value`, at);
      if (value.state === 'known' && !isInternetCidr(value.value)) return pass(`${rule.path} trusts ${value.value}`, at);
      if (type.state === 'known' && type.value !== 'ip_addr') return pass(`${rule.path} is a ${type.value} rule`, at);
      if (value.state === 'unknown') return unknown(`${rule.path} may trust the whole internet: value is ${describeExpression(value.expression)}`, at);
      if (type.state === 'unknown') return unknown(`${rule.path} trusts ${value.value} if its type (${describeExpression(type.expression)}) is ip_addr`, at);
      return violation(`${rule.path} trusts ${value.value}: the whole internet`, at);
    },
    violation('the firewall has no rule block', 'rule'),
  );
}
