/**
 * The DigitalOcean reader of the ingress model (../common/internet-ingress.ts): the inbound rules of a
 * `digitalocean_firewall`, static or `dynamic`, read the way the provider and the API read them.
 */
import { unknown } from '../../engine/results';
import type { JsonObject, ResourceRecord } from '../../engine/types';
import { blocks, describeExpression, known, listAttr, match, maybe, stringAttr, type Answer } from '../../engine/values';
import {
  EVERY_PORT,
  internetSourcesOf,
  type IngressEntry,
  type IngressReader,
  type IngressSet,
  type Opening,
  type SourceCandidate,
} from '../common/internet-ingress';

export const digitaloceanInbound: IngressReader = {
  resourceTypes: ['digitalocean_firewall'],
  everyPortRule: 'do-firewall-no-all-ports-from-internet',
  read: inboundRules,
};

/** Every inbound rule of a `digitalocean_firewall`; unknown when the rule list itself is an expression. */
export function inboundRules(firewall: ResourceRecord): IngressSet {
  const found = blocks(firewall.body, 'inbound_rule');
  const results = found.unknownExpression === undefined ? [] : [unknown(`inbound_rule is ${describeExpression(found.unknownExpression)}`, 'inbound_rule')];
  return { entries: found.occurrences.map((o) => readRule(o.body, o.path)), results };
}

function readRule(body: JsonObject, path: string): IngressEntry {
  const sources = listAttr(body, 'source_addresses');
  const attribute = `${path}.source_addresses`;
  const candidates = match<readonly unknown[], SourceCandidate[]>(sources, {
    known: (list) => list.map((value) => ({ value, attribute })),
    unknown: (expression) => [{ value: expression, attribute, whole: true }],
    absent: () => [],
  });
  // source_tags, source_droplet_ids, source_load_balancer_uids and source_kubernetes_ids are inside DigitalOcean.
  return { path, opens: opening(body, path), from: internetSourcesOf(candidates) };
}

/**
 * What a rule opens. The provider accepts tcp, udp and icmp; ICMP has no ports. The API reads port_range
 * "0" (what it returns for "all") as every port and the provider documents "1-65535" and "all" for the same;
 * a tcp / udp rule without port_range is invalid per the provider docs, and is read as every port too (fail
 * closed).
 */
function opening(body: JsonObject, path: string): Answer<Opening> {
  const protocol = stringAttr(body, 'protocol');
  if (protocol.state === 'unknown') return maybe(`${path}.protocol is ${describeExpression(protocol.expression)}`, `${path}.protocol`);
  if (protocol.state === 'absent') return maybe(`${path} has no protocol`, `${path}.protocol`);
  const proto = protocol.value.trim().toLowerCase();
  if (proto === 'icmp') return known({ protocol: 'icmp', ports: 'none' });
  if (proto !== 'tcp' && proto !== 'udp') return maybe(`${path}.protocol "${protocol.value}" is not tcp, udp or icmp`, `${path}.protocol`);
  const range = stringAttr(body, 'port_range');
  if (range.state === 'unknown') return maybe(`${path}.port_range is ${describeExpression(range.expression)}`, `${path}.port_range`);
  const text = range.state === 'known' ? range.value.trim().toLowerCase() : '';
  if (text === '' || text === 'all' || text === '0') return known({ protocol: proto, ports: EVERY_PORT });
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!match) return maybe(`${path}.port_range "${text}" is not a port or a range`, `${path}.port_range`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return known({ protocol: proto, ports: { from: Math.min(from, to), to: Math.max(from, to) } });
}
