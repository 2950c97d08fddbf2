/**
 * Every droplet sits behind a cloud firewall from the same stack. A droplet always has a public IPv4
 * address, so without one every port it listens on is on the internet.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { ResourceRecord } from '../../engine/types';
import { describeExpression, listAttr } from '../../engine/values';
import { maybe, NO, readTagList, refersToDroplet, sameTag, willExist, YES, type TagList, type Tri } from './common';

export const doDropletFirewallRequired = defineRule({
  id: 'do-droplet-firewall-required',
  title: 'Every droplet is covered by a DigitalOcean cloud firewall',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['digitalocean_droplet'],
  rationale:
    'A droplet always has a public IPv4 address and DigitalOcean filters nothing by default: every port a ' +
    'process binds on 0.0.0.0 (a database left on its default, a debug server, an exporter) is reachable ' +
    'from the internet. A cloud firewall, applied by droplet id or by tag, drops traffic before it reaches ' +
    'the droplet, independently of the host firewall.',
  fix:
    'Add a digitalocean_firewall to the stack that lists the droplet in `droplet_ids` ' +
    '(`digitalocean_droplet.<name>.id`) or whose `tags` include one of the droplet\'s tags, with inbound rules ' +
    'for only the ports the droplet serves.',
  references: { docs: ['https://docs.digitalocean.com/products/networking/firewalls/how-to/configure-rules/'] },
  examples: {
    failing: { resourceType: 'digitalocean_droplet', body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', tags: ['role:web'] } },
    passing: {
      resourceType: 'digitalocean_droplet',
      body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', tags: ['role:web'] },
      others: { digitalocean_firewall: { web: { name: 'web', tags: ['role:web'], inbound_rule: [{ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0'] }] } } },
    },
  },
  check(droplet, context) {
    const tags = readTagList(droplet.body, 'tags', context);
    const doubts: string[] = [];
    for (const firewall of context.resourcesOfType('digitalocean_firewall')) {
      const exists = willExist(firewall);
      if (exists.answer === 'no') continue;
      const byId = coversById(firewall, droplet);
      const byTag = coversByTag(firewall, tags, context);
      const covers = byId.answer === 'yes' ? byId : byTag.answer === 'yes' ? byTag : byId.answer === 'maybe' ? byId : byTag;
      if (covers.answer === 'yes' && exists.answer === 'yes') return pass(`${firewall.address} applies to it`);
      if (covers.answer === 'yes' && exists.answer === 'maybe') doubts.push(exists.why);
      if (covers.answer === 'maybe') doubts.push(`${firewall.address}: ${covers.why}`);
    }
    if (doubts.length > 0) return unknown(`no firewall in this stack is known to apply to it (${doubts.join('; ')})`, 'tags');
    return violation('no digitalocean_firewall in this stack applies to it (by droplet_ids or by one of its tags)', 'tags');
  },
});

function coversById(firewall: ResourceRecord, droplet: ResourceRecord): Tri {
  const ids = listAttr(firewall.body, 'droplet_ids');
  if (ids.state === 'absent') return NO;
  if (ids.state === 'unknown') {
    const whole = refersToDroplet(ids.expression, droplet);
    return whole.answer === 'no' ? maybe(`droplet_ids is ${describeExpression(ids.expression)}`) : whole;
  }
  let doubt: Tri = NO;
  for (const id of ids.value) {
    const refers = refersToDroplet(id, droplet);
    if (refers.answer === 'yes') return YES;
    if (refers.answer === 'maybe') doubt = refers;
  }
  return doubt;
}

function coversByTag(firewall: ResourceRecord, dropletTags: TagList, context: RuleContext): Tri {
  const firewallTags = readTagList(firewall.body, 'tags', context);
  if (firewallTags.unknownExpression !== undefined) return maybe(`tags is ${describeExpression(firewallTags.unknownExpression)}`);
  if (firewallTags.refs.length === 0) return NO;
  let doubt: Tri = NO;
  for (const f of firewallTags.refs) {
    for (const d of dropletTags.refs) {
      const same = sameTag(f, d);
      if (same.answer === 'yes') return YES;
      if (same.answer === 'maybe') doubt = same;
    }
  }
  if (doubt.answer === 'no' && dropletTags.unknownExpression !== undefined) {
    doubt = maybe(`the droplet's tags are ${describeExpression(dropletTags.unknownExpression)}`);
  }
  return doubt;
}
