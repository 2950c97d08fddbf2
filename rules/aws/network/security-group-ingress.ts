/**
 * The AWS reader of the ingress model (../../common/internet-ingress.ts): every ingress rule an AWS
 * security-group resource declares, whichever of the three ways it is written: inline `ingress` blocks of
 * aws_security_group (static or `dynamic`), an aws_security_group_rule of `type = "ingress"`, or an
 * aws_vpc_security_group_ingress_rule. The quirks of each resource (protocol spelled `-1`, `all`, `6` or
 * `tcp`; CIDRs in lists or single strings; -1 ports) are handled here, once.
 */
import { notApplicable, unknown, unknownValue } from '../../../engine/results';
import type { JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, chain, describeExpression, known, listAttr, maybe, numberAttr, stringAttr, type Answer } from '../../../engine/values';
import { internetSourcesOf, type IngressEntry, type IngressReader, type IngressSet, type Opening, type SourceCandidate } from '../../common/internet-ingress';

/** The security-group resource types that can declare ingress. */
export const INGRESS_RESOURCE_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'] as const;

export const awsIngress: IngressReader = { resourceTypes: INGRESS_RESOURCE_TYPES, everyPortRule: 'no-all-ports-from-internet', read: ingressEntries };

export function ingressEntries(resource: ResourceRecord): IngressSet {
  const body = resource.body;
  switch (resource.type) {
    case 'aws_security_group': {
      const found = blocks(body, 'ingress');
      const results = found.unknownExpression ? [unknown(`ingress is ${describeExpression(found.unknownExpression)}`, 'ingress')] : [];
      return { entries: found.occurrences.map((o) => classicEntry(o.body, o.path)), results };
    }
    case 'aws_security_group_rule': {
      const type = stringAttr(body, 'type');
      if (type.state === 'unknown') return { entries: [], results: [unknownValue('type', type)] };
      if (type.state === 'known' && type.value === 'egress') return { entries: [], results: [notApplicable('an egress rule')] };
      return { entries: [classicEntry(body, '')], results: [] };
    }
    default:
      return { entries: [vpcRuleEntry(body)], results: [] };
  }
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** aws_security_group inline blocks and aws_security_group_rule: `protocol`, CIDR lists. */
function classicEntry(body: JsonObject, path: string): IngressEntry {
  const candidates: SourceCandidate[] = [];
  for (const key of ['cidr_blocks', 'ipv6_cidr_blocks']) {
    const list = listAttr(body, key);
    if (list.state === 'unknown') candidates.push({ value: list.expression, attribute: at(path, key), whole: true });
    if (list.state === 'known') candidates.push(...list.value.map((value) => ({ value, attribute: at(path, key) })));
  }
  // prefix_list_ids, security_groups, source_security_group_id and self are sources inside AWS, never the
  // internet: they are deliberately not read.
  return { path, opens: opening(body, path, 'protocol'), from: internetSourcesOf(candidates) };
}

/** aws_vpc_security_group_ingress_rule: `ip_protocol`, one CIDR per rule (referenced_security_group_id and prefix_list_id are not the internet). */
function vpcRuleEntry(body: JsonObject): IngressEntry {
  const candidates = ['cidr_ipv4', 'cidr_ipv6']
    .filter((key) => body[key] !== undefined && body[key] !== null)
    .map((key) => ({ value: body[key], attribute: key, whole: true }));
  return { path: '', opens: opening(body, '', 'ip_protocol'), from: internetSourcesOf(candidates) };
}

/** A port attribute: unknown (naming it) when it is an expression or unset. */
function port(body: JsonObject, path: string, key: string): Answer<number> {
  const value = numberAttr(body, key);
  if (value.state === 'absent') return maybe(`${at(path, key)} is unset`, at(path, key));
  if (value.state === 'unknown') return maybe(`${at(path, key)} is ${describeExpression(value.expression)}`, at(path, key));
  return value;
}

/**
 * What an entry opens. Protocol -1 / all: every protocol and port. Only TCP and UDP have ports: ICMP has
 * types, and for any other IP protocol (GRE, ESP…) there are no ports to open. A negative TCP / UDP port is
 * read as the widest bound (from_port -1 as 0, to_port -1 as 65535): AWS rejects negative TCP / UDP ports at
 * apply, and reading them the widest way fails closed, so from_port = to_port = -1 is every port, while
 * from_port = -1 with to_port = 80 is 0-80.
 */
function opening(body: JsonObject, path: string, protocolKey: string): Answer<Opening> {
  const protocol = stringAttr(body, protocolKey);
  if (protocol.state === 'absent') return maybe(`${at(path, protocolKey)} is unset`, at(path, protocolKey));
  if (protocol.state === 'unknown') return maybe(`${at(path, protocolKey)} is ${describeExpression(protocol.expression)}`, at(path, protocolKey));
  const name = protocol.value.trim().toLowerCase();
  if (name === '-1' || name === 'all') return known({ protocol: 'all protocols', ports: 'all' });
  const portProtocol = ({ tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp' } as Record<string, string>)[name];
  if (!portProtocol) return known({ protocol: name, ports: 'none' });
  return chain(port(body, path, 'from_port'), (from) =>
    chain(port(body, path, 'to_port'), (to) => {
      const lo = from < 0 ? 0 : from;
      const hi = to < 0 ? 65535 : to;
      return known({ protocol: portProtocol, ports: { from: Math.min(lo, hi), to: Math.max(lo, hi) } });
    }),
  );
}
