/**
 * Every ingress rule an AWS security-group resource declares, in one shape, whichever of the three ways it
 * is written: inline `ingress` blocks of aws_security_group (static or `dynamic`), an aws_security_group_rule
 * of `type = "ingress"`, or an aws_vpc_security_group_ingress_rule. The port rules read only this shape, so
 * the quirks of each resource (protocol spelled `-1`, `all`, `6` or `tcp`; CIDRs in lists or single strings)
 * are handled once.
 */
import { notApplicable, unknown, unknownValue } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, describeExpression, isExpression, listAttr, numberAttr, stringAttr } from '../../../engine/values';
import { isInternetCidr } from '../../common/ports';

/** The ports a rule opens: every port (protocol -1), none (ICMP and other port-less protocols), or a range. */
export type OpenPorts =
  | { readonly state: 'known'; readonly protocol: string; readonly value: 'all' | 'none' | { readonly from: number; readonly to: number } }
  | { readonly state: 'unknown'; readonly attribute: string; readonly expression: string };

export interface IngressEntry {
  /** Attribute path prefix for messages: `ingress[0].`, `dynamic.ingress.content.`, or '' for a rule resource. */
  readonly path: string;
  readonly ports: OpenPorts;
  /** Known sources that mean "the internet" (0.0.0.0/0, ::/0 and other internet-wide ranges). */
  readonly internet: readonly { readonly cidr: string; readonly attribute: string }[];
  /** Sources that are expressions: they might be the internet. */
  readonly unknownSources: readonly { readonly attribute: string; readonly expression: string }[];
}

export interface IngressSet {
  readonly entries: readonly IngressEntry[];
  /** Results for what could not be read at all (the whole `ingress` list is an expression, `type` unknown…). */
  readonly results: readonly CheckResult[];
}

/** The security-group resource types that can declare ingress. */
export const INGRESS_RESOURCE_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'] as const;

export function ingressEntries(resource: ResourceRecord): IngressSet {
  const body = resource.body;
  switch (resource.type) {
    case 'aws_security_group': {
      const found = blocks(body, 'ingress');
      const results = found.unknownExpression ? [unknown(`ingress is ${describeExpression(found.unknownExpression)}`, 'ingress')] : [];
      return { entries: found.occurrences.map((o) => classicEntry(o.body, `${o.path}.`)), results };
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

/** aws_security_group inline blocks and aws_security_group_rule: `protocol`, CIDR lists. */
function classicEntry(body: JsonObject, path: string): IngressEntry {
  const sources = sourcesOf(body, path, ['cidr_blocks', 'ipv6_cidr_blocks'], []);
  return { path, ports: openPorts(body, path, 'protocol'), ...sources };
}

/** aws_vpc_security_group_ingress_rule: `ip_protocol`, one CIDR per rule. */
function vpcRuleEntry(body: JsonObject): IngressEntry {
  return { path: '', ports: openPorts(body, '', 'ip_protocol'), ...sourcesOf(body, '', [], ['cidr_ipv4', 'cidr_ipv6']) };
}

function openPorts(body: JsonObject, path: string, protocolKey: string): OpenPorts {
  const protocol = stringAttr(body, protocolKey);
  if (protocol.state === 'unknown') return { state: 'unknown', attribute: `${path}${protocolKey}`, expression: protocol.expression };
  if (protocol.state === 'absent') return { state: 'unknown', attribute: `${path}${protocolKey}`, expression: 'unset' };
  const name = protocol.value.trim().toLowerCase();
  if (name === '-1' || name === 'all') return { state: 'known', protocol: 'all protocols', value: 'all' };
  // Only TCP and UDP have ports. ICMP has types, and for any other IP protocol (GRE, ESP…) AWS ignores ports.
  const portProtocol = ({ tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp' } as Record<string, string>)[name];
  if (!portProtocol) return { state: 'known', protocol: name, value: 'none' };
  const from = numberAttr(body, 'from_port');
  const to = numberAttr(body, 'to_port');
  for (const [key, value] of [['from_port', from], ['to_port', to]] as const) {
    if (value.state === 'unknown') return { state: 'unknown', attribute: `${path}${key}`, expression: value.expression };
    if (value.state === 'absent') return { state: 'unknown', attribute: `${path}${key}`, expression: 'unset' };
  }
  // -1 (or any negative bound) is how some tools write "every port"; read it as the widest range.
  const lo = from.state === 'known' && from.value >= 0 ? from.value : 0;
  const hi = to.state === 'known' && to.value >= 0 ? to.value : 65535;
  return { state: 'known', protocol: portProtocol, value: { from: lo, to: hi } };
}

function sourcesOf(
  body: JsonObject,
  path: string,
  listKeys: readonly string[],
  stringKeys: readonly string[],
): Pick<IngressEntry, 'internet' | 'unknownSources'> {
  const internet: { cidr: string; attribute: string }[] = [];
  const unknownSources: { attribute: string; expression: string }[] = [];
  const consider = (value: unknown, attribute: string) => {
    if (isExpression(value) || typeof value !== 'string') unknownSources.push({ attribute, expression: String(value) });
    else if (isInternetWide(value)) internet.push({ cidr: value, attribute });
  };
  for (const key of listKeys) {
    const list = listAttr(body, key);
    if (list.state === 'unknown') unknownSources.push({ attribute: `${path}${key}`, expression: list.expression });
    if (list.state === 'known') list.value.forEach((cidr) => consider(cidr, `${path}${key}`));
  }
  for (const key of stringKeys) {
    const value = body[key];
    if (value !== undefined && value !== null) consider(value, `${path}${key}`);
  }
  // prefix_list_ids, security_groups, source_security_group_id, referenced_security_group_id and self are
  // sources inside AWS, never the internet: they are deliberately not read.
  return { internet, unknownSources };
}

/** Kept for readability at the call sites; the definition is shared with the DigitalOcean rules. */
export const isInternetWide = isInternetCidr;
