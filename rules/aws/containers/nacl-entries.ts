/**
 * Network ACL ingress entries read into the ingress model of rules/common/internet-ingress.ts, with what a
 * NACL adds: an action (allow / deny) and a rule number, since a NACL applies the first matching entry in
 * rule-number order. Entries come from the inline `ingress` blocks of aws_network_acl and
 * aws_default_network_acl, and from aws_network_acl_rule (egress = false), whose siblings are the other
 * aws_network_acl_rule resources with the same network_acl_id.
 */
import type { RuleContext } from '../../../engine/rule';
import { notApplicable, unknown, unknownValue } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, boolAttr, chain, describeExpression, known, maybe, numberAttr, stringAttr, type Answer } from '../../../engine/values';
import { internetSourcesOf, type IngressEntry, type Opening } from '../../common/internet-ingress';

export const NACL_TYPES = ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'];

export interface NaclEntry extends IngressEntry {
  readonly ruleNumber: Answer<number>;
  /** `allow` or `deny`, lower-cased. */
  readonly action: Answer<string>;
  /** The literal source CIDRs (for deciding whether a deny covers everything). */
  readonly cidr: string | undefined;
  readonly ipv6Cidr: string | undefined;
}

export interface NaclIngress {
  /** The entries of this resource: the ones to judge. */
  readonly own: readonly NaclEntry[];
  /** Every ingress entry of the same ACL that can be seen (own included): the ones that may come first. */
  readonly all: readonly NaclEntry[];
  readonly results: readonly CheckResult[];
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function naclIngress(resource: ResourceRecord, context: RuleContext): NaclIngress {
  if (resource.type !== 'aws_network_acl_rule') {
    const found = blocks(resource.body, 'ingress');
    const results = found.unknownExpression ? [unknown(`ingress is ${describeExpression(found.unknownExpression)}`, 'ingress')] : [];
    const own = found.occurrences.map((o) => entry(o.body, o.path, 'rule_no', 'action'));
    // An entry from a dynamic block whose for_each may be empty may not exist: it cannot be relied on to deny.
    return { own, all: own.filter((_, i) => found.occurrences[i].mayBeNone === undefined), results };
  }
  const egress = boolAttr(resource.body, 'egress');
  if (egress.state === 'unknown') return { own: [], all: [], results: [unknownValue('egress', egress)] };
  if (egress.state === 'known' && egress.value) return { own: [], all: [], results: [notApplicable('an egress rule')] };
  const own = entry(resource.body, '', 'rule_number', 'rule_action');
  const acl = resource.body.network_acl_id;
  const siblings = context
    .resourcesOfType('aws_network_acl_rule')
    .filter(
      (r) =>
        r !== resource &&
        r.mode === 'managed' &&
        typeof acl === 'string' &&
        r.body.network_acl_id === acl &&
        r.body.count === undefined &&
        r.body.for_each === undefined,
    )
    .filter((r) => {
      const e = boolAttr(r.body, 'egress');
      return e.state === 'absent' || (e.state === 'known' && !e.value);
    })
    .map((r) => entry(r.body, r.address, 'rule_number', 'rule_action'));
  return { own: [own], all: [own, ...siblings], results: [] };
}

function entry(body: JsonObject, path: string, numberKey: string, actionKey: string): NaclEntry {
  const literal = (key: string) => (typeof body[key] === 'string' && !String(body[key]).includes('${') ? (body[key] as string).trim() : undefined);
  const number = numberAttr(body, numberKey);
  const action = stringAttr(body, actionKey);
  return {
    path,
    opens: opening(body, path),
    from: internetSourcesOf(
      ['cidr_block', 'ipv6_cidr_block']
        .filter((k) => body[k] !== undefined && body[k] !== null)
        .map((k) => ({ value: body[k], attribute: at(path, k), whole: true })),
    ),
    ruleNumber: number.state === 'absent' ? maybe(`${at(path, numberKey)} is unset`) : number,
    action:
      action.state === 'known'
        ? known(action.value.trim().toLowerCase())
        : action.state === 'unknown'
          ? maybe(`${at(path, actionKey)} is ${describeExpression(action.expression)}`, at(path, actionKey))
          : maybe(`${at(path, actionKey)} is unset`),
    cidr: literal('cidr_block'),
    ipv6Cidr: literal('ipv6_cidr_block'),
  };
}

/** Protocol -1 / all: every port; 6 / tcp and 17 / udp: from_port-to_port; anything else has no ports. */
function opening(body: JsonObject, path: string): Answer<Opening> {
  const protocol = stringAttr(body, 'protocol');
  if (protocol.state === 'absent') return maybe(`${at(path, 'protocol')} is unset`, at(path, 'protocol'));
  if (protocol.state === 'unknown') return maybe(`${at(path, 'protocol')} is ${describeExpression(protocol.expression)}`, at(path, 'protocol'));
  const name = protocol.value.trim().toLowerCase();
  if (name === '-1' || name === 'all') return known({ protocol: 'all protocols', ports: 'all' });
  const portProtocol = ({ tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp' } as Record<string, string>)[name];
  if (!portProtocol) return known({ protocol: name, ports: 'none' });
  const port = (key: string): Answer<number> => {
    const value = numberAttr(body, key);
    if (value.state === 'absent') return maybe(`${at(path, key)} is unset`, at(path, key));
    if (value.state === 'unknown') return maybe(`${at(path, key)} is ${describeExpression(value.expression)}`, at(path, key));
    return value;
  };
  return chain(port('from_port'), (from) =>
    chain(port('to_port'), (to) => known({ protocol: portProtocol, ports: { from: Math.min(from, to), to: Math.max(from, to) } })),
  );
}

/**
 * Whether `entry` is certainly overridden for `ports` by deny entries that come first: for each internet
 * source it allows (IPv4, IPv6) and each port, a deny with a known lower rule number, for that whole address
 * family (0.0.0.0/0 or ::/0), and for all protocols or TCP covering the port.
 */
export function deniedFirst(entry: NaclEntry, ports: readonly number[], all: readonly NaclEntry[]): boolean {
  if (entry.ruleNumber.state !== 'known' || entry.from.state !== 'known' || entry.from.value === null) return false;
  const mine = entry.ruleNumber.value;
  const families = [...new Set(entry.from.value.cidrs.map((c) => (c.includes(':') ? 'v6' : 'v4')))];
  const denies = all.filter(
    (d) => d.action.state === 'known' && d.action.value === 'deny' && d.ruleNumber.state === 'known' && d.ruleNumber.value < mine && d.opens.state === 'known',
  );
  return families.every((family) =>
    ports.every((port) =>
      denies.some((d) => {
        const source = family === 'v4' ? d.cidr === '0.0.0.0/0' : d.ipv6Cidr === '::/0';
        const opens = d.opens.state === 'known' ? d.opens.value : undefined;
        const covers =
          opens?.ports === 'all' || (opens?.protocol === 'tcp' && typeof opens.ports === 'object' && opens.ports.from <= port && port <= opens.ports.to);
        return source && covers;
      }),
    ),
  );
}
