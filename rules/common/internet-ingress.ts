/**
 * One ingress model for every cloud firewall, and one rule factory for "no <kind> ports from the internet".
 *
 * Each cloud has a reader that turns its resources into `IngressEntry`s: AWS security groups (inline
 * `ingress`, aws_security_group_rule, aws_vpc_security_group_ingress_rule) in
 * aws/network/security-group-ingress.ts, DigitalOcean firewalls (`inbound_rule`) in
 * digitalocean/firewall-inbound.ts. The rules only ask this model, so "from the internet" and "every port"
 * mean the same on both clouds:
 *  - from the internet: a source CIDR that is the internet (see `isInternetCidr`);
 *  - every port: every protocol (AWS `-1` / `all`), or a TCP / UDP range that covers 1–65535 (port 0 is not
 *    a port a service listens on, so 1–65535 and 0–65535 are both "every port").
 *
 * An opening of every port is reported once, by the cloud's every-port rule (`IngressReader.everyPortRule`):
 * it is what explains the finding, and the named-port rules (admin, data store, monitoring) would only
 * repeat it three times over. They report the openings of their own ports that do not open every port.
 */
import { memoPer } from '../../engine/context';
import { defineRule, type Rule, type RuleContext, type RuleMetadata } from '../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../engine/results';
import type { CheckResult, ResourceRecord } from '../../engine/types';
import { describeExpression, isExpression, isUnknown, known, map, maybe, type Answer } from '../../engine/values';
import { isInternetCidr, portsInRange } from './ports';

/** An inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** The whole port space a service can listen on. */
export const EVERY_PORT: PortRange = { from: 1, to: 65535 };

/** What an ingress entry lets in: every protocol and port, a port range of one protocol, or no ports (ICMP). */
export interface Opening {
  /** `tcp`, `udp`, `icmp`, `all protocols`… */
  readonly protocol: string;
  readonly ports: 'all' | 'none' | PortRange;
}

/** The internet-wide sources an entry allows (`0.0.0.0/0`, `::/0`, `0.0.0.0/1`…), and where they are written. */
export interface InternetSources {
  readonly cidrs: readonly string[];
  readonly attribute: string;
}

/** One ingress rule, whichever way a cloud writes it. */
export interface IngressEntry {
  /** For messages and attributes: `ingress[0]`, `dynamic.inbound_rule.content`, or '' for a rule resource. */
  readonly path: string;
  /** What it opens; unknown (with the attribute and why) when the protocol or ports are expressions. */
  readonly opens: Answer<Opening>;
  /** Its internet sources (known null: none); unknown (with the attribute and why) when a source is an expression. */
  readonly from: Answer<InternetSources | null>;
}

export interface IngressSet {
  readonly entries: readonly IngressEntry[];
  /** Results for what could not be read as entries at all (the whole list is an expression, an egress rule…). */
  readonly results: readonly CheckResult[];
}

/** A cloud's ingress reader: the resource types that declare ingress, and their entries. */
export interface IngressReader {
  readonly resourceTypes: readonly string[];
  /** The id of this cloud's every-port rule: the one rule that reports an entry opening every port. */
  readonly everyPortRule: string;
  read(resource: ResourceRecord): IngressSet;
}

/** Whether a range covers every port (1–65535). */
export const coversEveryPort = (range: PortRange): boolean => range.from <= EVERY_PORT.from && range.to >= EVERY_PORT.to;

/** The ports a rule looks for: named ports, or every port. */
export interface PortSelection {
  /** For messages: `remote administration`, `data-store`, `monitoring`, `all`. */
  readonly label: string;
  readonly ports: readonly number[] | 'every';
}

const PORT_NAMES: Readonly<Record<number, string>> = {
  22: 'SSH',
  3389: 'RDP',
  5985: 'WinRM',
  5986: 'WinRM over HTTPS',
  1433: 'SQL Server',
  1521: 'Oracle',
  2379: 'etcd',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5984: 'CouchDB',
  6379: 'Redis',
  7000: 'Cassandra',
  9042: 'Cassandra CQL',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  11211: 'memcached',
  25060: 'DigitalOcean databases',
  27017: 'MongoDB',
  9100: 'node exporter',
  9090: 'Prometheus',
  9093: 'Alertmanager',
  3000: 'Grafana',
};

const named = (ports: readonly number[]) => ports.map((p) => (PORT_NAMES[p] ? `${p} (${PORT_NAMES[p]})` : String(p))).join(', ');

/** `tcp 22`, `udp 1000-2000`, `all traffic (all protocols)`, `icmp`. */
export function describeOpening(opening: Opening): string {
  if (opening.ports === 'all') return `all traffic (${opening.protocol})`;
  if (opening.ports === 'none') return opening.protocol;
  const { from, to } = opening.ports;
  return `${opening.protocol} ${from === to ? from : `${from}-${to}`}`;
}

/** Which of the selected ports an opening lets in, for messages (`remote administration port 22 (SSH)`), or undefined for none. */
export function selectedPorts(opening: Opening, selection: PortSelection): string | undefined {
  if (opening.ports === 'none') return undefined;
  if (selection.ports === 'every') return opening.ports === 'all' || coversEveryPort(opening.ports) ? 'every port' : undefined;
  const hit = opening.ports === 'all' ? [...selection.ports] : portsInRange(opening.ports.from, opening.ports.to, selection.ports);
  return hit.length > 0 ? `${selection.label} port${hit.length > 1 ? 's' : ''} ${named(hit)}` : undefined;
}

/**
 * The result for one entry: a violation when it certainly opens selected ports to the internet, unknown when
 * it may (one half is unknown and the other does not rule it out), undefined when it certainly does not.
 */
export function entryResult(entry: IngressEntry, selection: PortSelection): CheckResult | undefined {
  const where = entry.path || 'this rule';
  const hit = map(entry.opens, (opening) => selectedPorts(opening, selection));
  // Nothing to fear when the ports are known to be harmless, or the sources are known not to be the internet.
  if ((hit.state === 'known' && hit.value === undefined) || (entry.from.state === 'known' && entry.from.value === null)) return undefined;
  if (entry.opens.state === 'known' && entry.from.state === 'known') {
    const sources = entry.from.value!;
    const what = selectedPorts(entry.opens.value, selection);
    return violation(
      `${where} allows ${describeOpening(entry.opens.value)} from ${sources.cidrs.join(', ')}, which opens ${what} to the internet`,
      sources.attribute,
    );
  }
  const why = [
    entry.from.state === 'unknown' ? entry.from.expression : `it allows ${entry.from.value!.cidrs.join(', ')}`,
    hit.state === 'unknown' ? hit.expression : `it opens ${hit.value}`,
  ];
  const attribute = [entry.from, hit].find(isUnknown)?.attribute;
  return unknown(`${where} may open ${selectionLabel(selection)} to the internet: ${why.join(', and ')}`, attribute);
}

const selectionLabel = (selection: PortSelection) => (selection.ports === 'every' ? 'every port' : `${selection.label} ports`);

/** Whether an entry is known to open every port (whatever its sources): the every-port rule's to report. */
export function opensEveryPort(entry: IngressEntry): boolean {
  return entry.opens.state === 'known' && selectedPorts(entry.opens.value, { label: 'all', ports: 'every' }) !== undefined;
}

/**
 * The results of one rule on one firewall resource: one per offending entry, or a pass. With `everyPortRule`
 * (a named-port rule), an entry that opens every port is left to that rule: not applicable here, so that one
 * opening gives one finding.
 */
export function internetIngressResults(set: IngressSet, selection: PortSelection, everyPortRule?: string): CheckResult[] {
  const found = [...set.results];
  const deferred: CheckResult[] = [];
  for (const entry of set.entries) {
    if (everyPortRule !== undefined && selection.ports !== 'every' && opensEveryPort(entry)) {
      deferred.push(notApplicable(`${entry.path || 'this rule'} opens every port, ${selectionLabel(selection)} among them: ${everyPortRule} reports it`));
      continue;
    }
    const result = entryResult(entry, selection);
    if (result) found.push(result);
  }
  if (found.length > 0) return [...found, ...deferred];
  return deferred.length > 0 ? deferred : [pass(`no ingress rule opens ${selectionLabel(selection)} to the internet`)];
}

/**
 * A "no <kind> ports from the internet" rule: the rule's own metadata (id, title, rationale…), the cloud's
 * ingress reader, and the ports. The resource types are the reader's.
 */
export function noPortsFromInternetRule(reader: IngressReader, selection: PortSelection, metadata: Omit<RuleMetadata, 'resourceTypes' | 'category'>): Rule {
  const everyPort = selection.ports === 'every';
  if (everyPort !== (metadata.id === reader.everyPortRule)) {
    throw new Error(
      `rule '${metadata.id}': the every-port rule of ${reader.resourceTypes.join(', ')} is '${reader.everyPortRule}', and only it selects every port`,
    );
  }
  const rationale = everyPort
    ? `${metadata.rationale} It is the one rule that reports an opening of every port: the rules for named ports leave such an opening to it.`
    : `${metadata.rationale} An opening of every port, which includes these, is reported once, by ${reader.everyPortRule}, not here.`;
  return defineRule({
    category: 'network',
    ...metadata,
    rationale,
    resourceTypes: [...reader.resourceTypes],
    check: (resource, context) => internetIngressResults(readOnce(reader, resource, context), selection, everyPort ? undefined : reader.everyPortRule),
  });
}

/**
 * The reader's model of a resource, read once per stack however many port rules ask (five or so per firewall
 * or security group): the per-stack memo holds one cache per reader, keyed by the record itself.
 */
function readOnce(reader: IngressReader, resource: ResourceRecord, context: RuleContext): ReturnType<IngressReader['read']> {
  return memoPer(context, `internet-ingress/${reader.everyPortRule}`, resource, (r) => reader.read(r));
}

/** A source value and where it is written; `whole` when it is the attribute's whole value (not a list element). */
export interface SourceCandidate {
  readonly value: unknown;
  readonly attribute: string;
  readonly whole?: boolean;
}

/**
 * The internet-wide sources among `candidates`: known when one is a literal internet CIDR (whatever the others
 * are), else unknown naming the first expression (or non-string) among them, else known none.
 */
export function internetSourcesOf(candidates: readonly SourceCandidate[]): Answer<InternetSources | null> {
  const open = candidates.filter((c) => typeof c.value === 'string' && !isExpression(c.value) && isInternetCidr(c.value));
  if (open.length > 0) return known({ cidrs: open.map((c) => c.value as string), attribute: open[0].attribute });
  const token = candidates.find((c) => typeof c.value !== 'string' || isExpression(c.value));
  if (token === undefined) return known(null);
  const shown = typeof token.value === 'string' ? describeExpression(token.value) : JSON.stringify(token.value);
  return maybe(`${token.attribute} ${token.whole ? 'is' : 'contains'} ${shown}`, token.attribute);
}
