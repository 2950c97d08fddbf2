/**
 * The check the four "no … ports from the internet" rules share: which ingress entries open which of a set of
 * ports to the internet. Each rule only names its ports.
 */
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { describeExpression } from '../../../engine/values';
import { portsInRange } from '../../common/ports';
import { ingressEntries, type IngressEntry } from './security-group-ingress';

/** What a rule looks for: named ports, or "every port" (the whole range, or protocol -1). */
export interface PortSelection {
  /** For messages, e.g. `remote administration`. */
  readonly label: string;
  readonly ports: readonly number[] | 'all';
}

const PORT_NAMES: Readonly<Record<number, string>> = {
  22: 'SSH', 3389: 'RDP', 5985: 'WinRM', 5986: 'WinRM over HTTPS',
  1433: 'SQL Server', 1521: 'Oracle', 2379: 'etcd', 3306: 'MySQL', 5432: 'PostgreSQL', 5984: 'CouchDB', 6379: 'Redis',
  7000: 'Cassandra', 9042: 'Cassandra CQL', 9200: 'Elasticsearch', 9300: 'Elasticsearch transport', 11211: 'memcached',
  25060: 'DigitalOcean databases', 27017: 'MongoDB',
  9100: 'node exporter', 9090: 'Prometheus', 9093: 'Alertmanager', 3000: 'Grafana',
};

const named = (ports: readonly number[]) => ports.map((p) => (PORT_NAMES[p] ? `${p} (${PORT_NAMES[p]})` : String(p))).join(', ');

/** The internet-exposure results for one security-group resource. */
export function internetIngressResults(resource: ResourceRecord, selection: PortSelection): CheckResult[] {
  const { entries, results } = ingressEntries(resource);
  const found = [...results];
  for (const entry of entries) {
    const result = entryResult(entry, selection);
    if (result) found.push(result);
  }
  if (found.length === 0) return [pass(`no ingress rule opens ${selection.label} ports to the internet`)];
  return found;
}

function entryResult(entry: IngressEntry, selection: PortSelection): CheckResult | undefined {
  if (entry.internet.length === 0 && entry.unknownSources.length === 0) return undefined;
  const where = entry.path ? entry.path.slice(0, -1) : 'this rule';
  const sources = entry.internet.length > 0 ? entry.internet.map((s) => s.cidr).join(', ') : undefined;
  const unknownSource = entry.unknownSources[0];
  const attribute = entry.internet[0]?.attribute ?? unknownSource?.attribute;

  if (entry.ports.state === 'unknown') {
    const from = sources ?? `${describeExpression(unknownSource.expression)} (${unknownSource.attribute})`;
    return unknown(`${where} is open to ${from}, and ${entry.ports.attribute} is ${describeExpression(entry.ports.expression)}`, entry.ports.attribute);
  }
  const { value, protocol } = entry.ports;
  if (value === 'none') return undefined;
  const opened = value === 'all' ? `all traffic (${protocol})` : `${protocol} ${value.from === value.to ? value.from : `${value.from}-${value.to}`}`;
  let what: string | undefined;
  if (selection.ports === 'all') {
    if (value === 'all' || (value.from <= 1 && value.to >= 65535)) what = 'every port';
  } else {
    const hit = value === 'all' ? [...selection.ports] : portsInRange(value.from, value.to, selection.ports);
    if (hit.length > 0) what = `${selection.label} port${hit.length > 1 ? 's' : ''} ${named(hit)}`;
  }
  if (!what) return undefined;
  if (sources) return violation(`${where} allows ${opened} from ${sources}, which opens ${what} to the internet`, attribute);
  return unknown(
    `${where} allows ${opened} (${what}) from ${describeExpression(unknownSource.expression)} (${unknownSource.attribute}), which may be the internet`,
    attribute,
  );
}
