/**
 * DigitalOcean cloud firewall inbound rules, normalised once: where traffic may come from (the whole
 * internet or not) and which ports it may reach. The four "no … from the internet" rules are this plus a
 * port predicate, so they all read `inbound_rule` the same way, dynamic blocks and expressions included.
 */
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import { blocks, describeExpression, isExpression, listAttr, stringAttr } from '../../engine/values';
import { isInternetCidr, portsInRange } from '../common/ports';

/** An inclusive port range; `icmp` rules have none. */
export interface PortSpan {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortSpan = { from: 1, to: 65535 };

type Known<T> = { readonly state: 'known'; readonly value: T } | { readonly state: 'unknown'; readonly why: string };

export interface InboundRule {
  /** `inbound_rule[1]`, `dynamic.inbound_rule.content`. */
  readonly path: string;
  /** The internet source it allows (`0.0.0.0/0`), or null when it allows none. */
  readonly internet: Known<string | null>;
  /** `protocol port_range` for messages, e.g. `tcp 21-23`. */
  readonly label: string;
  /** The ports it opens; null for ICMP, which has no ports. */
  readonly ports: Known<PortSpan | null>;
}

/** Every inbound rule of a `digitalocean_firewall`, and whether the rule list itself is an expression. */
export function inboundRules(firewall: ResourceRecord): { readonly rules: readonly InboundRule[]; readonly unknownExpression?: string } {
  const found = blocks(firewall.body, 'inbound_rule');
  const rules = found.occurrences.map((o) => readRule(o.body, o.path));
  return found.unknownExpression === undefined ? { rules } : { rules, unknownExpression: found.unknownExpression };
}

function readRule(body: JsonObject, path: string): InboundRule {
  const protocol = stringAttr(body, 'protocol');
  const range = stringAttr(body, 'port_range');
  const label = [
    protocol.state === 'known' ? protocol.value : protocol.state === 'unknown' ? describeExpression(protocol.expression, 40) : '(no protocol)',
    range.state === 'known' ? range.value : range.state === 'unknown' ? describeExpression(range.expression, 40) : '',
  ].join(' ').trim();
  return { path, internet: internetSource(body, path), label, ports: openedPorts(protocol, range, path) };
}

function internetSource(body: JsonObject, path: string): Known<string | null> {
  const sources = listAttr(body, 'source_addresses');
  if (sources.state === 'absent') return { state: 'known', value: null };
  if (sources.state === 'unknown') return { state: 'unknown', why: `${path}.source_addresses is ${describeExpression(sources.expression)}` };
  const open = sources.value.find((s): s is string => typeof s === 'string' && !isExpression(s) && isInternetCidr(s));
  if (open !== undefined) return { state: 'known', value: open };
  const token = sources.value.find((s) => typeof s !== 'string' || isExpression(s));
  if (token !== undefined) return { state: 'unknown', why: `${path}.source_addresses contains ${describeExpression(String(token))}` };
  return { state: 'known', value: null };
}

type Str = ReturnType<typeof stringAttr>;

function openedPorts(protocol: Str, range: Str, path: string): Known<PortSpan | null> {
  if (protocol.state === 'unknown') return { state: 'unknown', why: `${path}.protocol is ${describeExpression(protocol.expression)}` };
  if (protocol.state === 'absent') return { state: 'unknown', why: `${path} has no protocol` };
  const proto = protocol.value.trim().toLowerCase();
  if (proto === 'icmp') return { state: 'known', value: null };
  if (proto !== 'tcp' && proto !== 'udp') return { state: 'unknown', why: `${path}.protocol "${protocol.value}" is not tcp, udp or icmp` };
  if (range.state === 'unknown') return { state: 'unknown', why: `${path}.port_range is ${describeExpression(range.expression)}` };
  // A tcp/udp rule without ports is invalid per the provider docs; the API reads "0"/"all" as every port,
  // so a missing or empty range is read the same way (fail closed).
  const text = range.state === 'known' ? range.value.trim().toLowerCase() : '';
  if (text === '' || text === 'all' || text === '0') return { state: 'known', value: ALL_PORTS };
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!match) return { state: 'unknown', why: `${path}.port_range "${text}" is not a port or a range` };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return { state: 'known', value: { from: Math.min(from, to), to: Math.max(from, to) } };
}

/**
 * The shared check: no inbound rule may let the internet reach ports that `opens` recognises.
 * `opens(span)` says which of the forbidden ports a range includes (e.g. "22"), or undefined for none.
 */
export function checkInternetInbound(
  firewall: ResourceRecord,
  what: string,
  opens: (span: PortSpan) => string | undefined,
): CheckResult[] {
  const { rules, unknownExpression } = inboundRules(firewall);
  const results: CheckResult[] = [];
  if (unknownExpression !== undefined) {
    results.push(unknown(`inbound_rule is ${describeExpression(unknownExpression)}, so it may open ${what} to the internet`, 'inbound_rule'));
  }
  for (const rule of rules) {
    const ports = rule.ports.state === 'known' ? rule.ports.value : undefined;
    const opened = ports ? opens(ports) : undefined;
    const internet = rule.internet;
    // Nothing to fear when the ports are known to be harmless, or the sources are known not to be the internet.
    if ((rule.ports.state === 'known' && opened === undefined) || (internet.state === 'known' && internet.value === null)) {
      results.push(pass(`${rule.path} (${rule.label}) does not open ${what} to the internet`, rule.path));
    } else if (internet.state === 'known' && rule.ports.state === 'known') {
      results.push(violation(`${rule.path} opens ${rule.label} (${what}: ${opened}) to ${internet.value}`, `${rule.path}.source_addresses`));
    } else {
      const why = [internet.state === 'unknown' ? internet.why : `it allows ${internet.value}`, rule.ports.state === 'unknown' ? rule.ports.why : `it opens ${opened}`];
      results.push(unknown(`${rule.path} may open ${what} to the internet: ${why.join(', and ')}`, rule.path));
    }
  }
  return results;
}

/** `opens` for a fixed list of ports: the ones a range includes, or undefined. */
export function portsIn(ports: readonly number[]): (span: PortSpan) => string | undefined {
  return (span) => {
    const hit = portsInRange(span.from, span.to, ports);
    return hit.length > 0 ? `port${hit.length > 1 ? 's' : ''} ${hit.join(', ')}` : undefined;
  };
}
