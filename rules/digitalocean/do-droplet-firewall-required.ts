/**
 * Every droplet sits behind a cloud firewall from the same stack. A droplet always has a public IPv4
 * address, so without one every port it listens on is on the internet.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import {
  any,
  blockPresence,
  blocks,
  describeExpression,
  isNo,
  isYes,
  listAttr,
  match,
  maybe,
  NO,
  or,
  referencedAddress,
  type Answer,
} from '../../engine/values';
import { readTagList, refersToDroplet, sameTag, willExist, type TagList } from './common';

export const doDropletFirewallRequired = defineRule({
  id: 'do-droplet-firewall-required',
  title: 'Every droplet is covered by a DigitalOcean cloud firewall',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['digitalocean_droplet', 'digitalocean_droplet_autoscale'],
  rationale:
    'A droplet always has a public IPv4 address and DigitalOcean filters nothing by default: every port a ' +
    'process binds on 0.0.0.0 (a database left on its default, a debug server, an exporter) is reachable ' +
    'from the internet. A cloud firewall, applied by droplet id or by tag, drops traffic before it reaches ' +
    'the droplet, independently of the host firewall. The droplets of an autoscale pool ' +
    '(digitalocean_droplet_autoscale) are public too and carry its droplet_template tags: a firewall must ' +
    'apply to one of those tags (their ids are not known in advance).',
  fix:
    'Add a digitalocean_firewall to the stack that lists the droplet in `droplet_ids` ' +
    "(`digitalocean_droplet.<name>.id`) or whose `tags` include one of the droplet's tags, with inbound rules " +
    'for only the ports the droplet serves.',
  references: { docs: ['https://docs.digitalocean.com/products/networking/firewalls/how-to/configure-rules/'] },
  examples: {
    failing: { resourceType: 'digitalocean_droplet', body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', tags: ['role:web'] } },
    passing: {
      resourceType: 'digitalocean_droplet',
      body: { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', tags: ['role:web'] },
      others: {
        digitalocean_firewall: {
          web: { name: 'web', tags: ['role:web'], inbound_rule: [{ protocol: 'tcp', port_range: '443', source_addresses: ['0.0.0.0/0'] }] },
        },
      },
    },
  },
  check(droplet, context) {
    const holder = templateOf(droplet);
    if ('result' in holder) return holder.result;
    const tags = readTagList(holder.body, 'tags', context);
    const doubts: string[] = [];
    for (const firewall of candidateFirewalls(droplet, tags, context)) {
      const exists = willExist(firewall);
      if (isNo(exists)) continue;
      // An autoscale pool's droplets are created later: a firewall can only find them by tag.
      const covers = or(droplet.type === 'digitalocean_droplet' ? coversById(firewall, droplet) : NO, coversByTag(firewall, tags, context));
      if (isYes(covers) && isYes(exists)) return pass(`${firewall.address} applies to it`);
      if (isYes(covers) && exists.state === 'unknown') doubts.push(exists.expression);
      if (covers.state === 'unknown') doubts.push(`${firewall.address}: ${covers.expression}`);
    }
    if (doubts.length > 0) return unknown(`no firewall in this stack is known to apply to it (${namedFew(doubts)})`, 'tags');
    return violation('no digitalocean_firewall in this stack applies to it (by droplet_ids or by one of its tags)', 'tags');
  },
});

/** A few doubts by name and a count of the rest: a finding's message stays short however big the stack. */
function namedFew(doubts: readonly string[], shown = 3): string {
  const head = doubts.slice(0, shown).join('; ');
  return doubts.length > shown ? `${head}; and ${doubts.length - shown} more` : head;
}

/** Where a droplet's tags are: the droplet itself, or an autoscale pool's droplet_template. */
function templateOf(resource: ResourceRecord): { body: JsonObject } | { result: CheckResult } {
  if (resource.type !== 'digitalocean_droplet_autoscale') return { body: resource.body };
  const found = blocks(resource.body, 'droplet_template');
  const present = blockPresence(found);
  const certain = found.occurrences.find((o) => o.mayBeNone === undefined);
  if (certain) return { body: certain.body };
  const why = present.state === 'unknown' ? `droplet_template is ${describeExpression(present.expression)}` : 'there is no droplet_template';
  return { result: unknown(`${why}, so the tags of its droplets cannot be read`, 'droplet_template') };
}

function coversById(firewall: ResourceRecord, droplet: ResourceRecord): Answer {
  const ids = listAttr(firewall.body, 'droplet_ids');
  if (ids.state === 'absent') return NO;
  if (ids.state === 'unknown') {
    const whole = refersToDroplet(ids.expression, droplet);
    return isNo(whole) ? maybe(`droplet_ids is ${describeExpression(ids.expression)}`) : whole;
  }
  return any(ids.value, (id) => refersToDroplet(id, droplet));
}

function coversByTag(firewall: ResourceRecord, dropletTags: TagList, context: RuleContext): Answer {
  const firewallTags = readTagList(firewall.body, 'tags', context);
  if (firewallTags.unknownExpression !== undefined) return maybe(`tags is ${describeExpression(firewallTags.unknownExpression)}`);
  const shared = any(firewallTags.refs, (f) => any(dropletTags.refs, (d) => sameTag(f, d)));
  // A literal firewall tag may be among droplet tags that are an expression (not when the firewall has none).
  if (isNo(shared) && firewallTags.refs.length > 0 && dropletTags.unknownExpression !== undefined) {
    return maybe(`the droplet's tags are ${describeExpression(dropletTags.unknownExpression)}`);
  }
  return shared;
}

/**
 * The firewalls that could possibly apply to a droplet, from a per-stack index, so that a stack with many
 * droplets and firewalls is checked in linear time. A firewall is left out only when it is certain not to
 * apply: every `droplet_ids` entry is a plain reference to another resource and every tag on both sides is
 * a literal that differs. Anything less certain goes through the full check.
 */
function candidateFirewalls(droplet: ResourceRecord, dropletTags: TagList, context: RuleContext): readonly ResourceRecord[] {
  const index = context.memo('do-droplet-firewall-required/index', () => indexFirewalls(context));
  const literalTags = literalTagsOf(dropletTags);
  if (literalTags === undefined) return index.all;
  const found = new Set<ResourceRecord>(index.uncertain);
  for (const firewall of index.byDroplet.get(droplet.address) ?? []) found.add(firewall);
  for (const tag of literalTags) for (const firewall of index.byTag.get(tag) ?? []) found.add(firewall);
  // In the stack's order, without walking every firewall once per droplet.
  return [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

interface FirewallIndex {
  readonly all: readonly ResourceRecord[];
  readonly position: ReadonlyMap<ResourceRecord, number>;
  readonly uncertain: readonly ResourceRecord[];
  readonly byDroplet: ReadonlyMap<string, ResourceRecord[]>;
  readonly byTag: ReadonlyMap<string, ResourceRecord[]>;
}

function indexFirewalls(context: RuleContext): FirewallIndex {
  const all = context.resourcesOfType('digitalocean_firewall');
  const uncertain: ResourceRecord[] = [];
  const byDroplet = new Map<string, ResourceRecord[]>();
  const byTag = new Map<string, ResourceRecord[]>();
  const add = (map: Map<string, ResourceRecord[]>, key: string, firewall: ResourceRecord) => {
    const list = map.get(key);
    if (list) list.push(firewall);
    else map.set(key, [firewall]);
  };
  for (const firewall of all) {
    const ids = listAttr(firewall.body, 'droplet_ids');
    const tags = literalTagsOf(readTagList(firewall.body, 'tags', context));
    const addresses = match(ids, { known: (list) => list.map(plainAddress), unknown: () => [undefined], absent: () => [] });
    if (tags === undefined || addresses.includes(undefined)) {
      uncertain.push(firewall);
      continue;
    }
    for (const address of addresses) add(byDroplet, address as string, firewall);
    for (const tag of tags) add(byTag, tag, firewall);
  }
  return { all, position: new Map(all.map((f, i) => [f, i])), uncertain, byDroplet, byTag };
}

/** The literal tag strings, or undefined when any tag is an expression or a digitalocean_tag reference. */
function literalTagsOf(tags: TagList): readonly string[] | undefined {
  if (tags.unknownExpression !== undefined) return undefined;
  const names: string[] = [];
  for (const ref of tags.refs) {
    if (ref.kind !== 'name') return undefined;
    names.push(ref.name);
  }
  return names;
}

/** `${digitalocean_droplet.web.id}` → its address; anything else (an index, a function, a number) → undefined. */
function plainAddress(id: unknown): string | undefined {
  if (typeof id !== 'string' || !/^\$\{[a-z0-9_]+\.[A-Za-z0-9_-]+\.id\}$/.test(id.trim())) return undefined;
  return referencedAddress(id);
}
