/** Port lists shared by the AWS security-group and DigitalOcean firewall rules, so both clouds mean the same. */

/** Remote administration: SSH, RDP, WinRM (HTTP and HTTPS). */
export const ADMIN_PORTS: readonly number[] = [22, 3389, 5985, 5986];

/** Data stores that should never face the internet. */
export const DATA_STORE_PORTS: readonly number[] = [
  1433, // SQL Server
  1521, // Oracle
  2379, // etcd
  3306, // MySQL / MariaDB
  5432, // PostgreSQL
  5984, // CouchDB
  6379, // Redis
  7000, // Cassandra inter-node
  9042, // Cassandra CQL
  9200, // Elasticsearch / OpenSearch HTTP
  9300, // Elasticsearch transport
  11211, // memcached
  25060, // DigitalOcean managed databases
  27017, // MongoDB
];

/** Monitoring endpoints: node exporter, Prometheus, Alertmanager, Grafana. Reached only over the tailnet. */
export const MONITORING_PORTS: readonly number[] = [9100, 9090, 9093, 3000];

/** CIDRs that mean "the whole internet". */
export const INTERNET_CIDRS: readonly string[] = ['0.0.0.0/0', '::/0'];

/**
 * Whether a CIDR is the internet: the whole of it (`0.0.0.0/0`, `::/0`, or the bare `0.0.0.0` / `::`), or a
 * range so wide it is the internet in all but name. An IPv4 prefix shorter than /8 always contains public
 * space (the only private /8 is 10/8), and `0.0.0.0/1` + `128.0.0.0/1` is a known way around a check that
 * only looks for 0.0.0.0/0; IPv6 prefixes shorter than /16 are likewise beyond any real allocation.
 */
export function isInternetCidr(cidr: string): boolean {
  const c = cidr.trim().toLowerCase();
  if (c === '0.0.0.0' || c === '::' || c === '0:0:0:0:0:0:0:0') return true;
  const match = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(c);
  if (!match) return false;
  const prefix = Number(match[2]);
  return match[1].includes(':') ? prefix < 16 : prefix < 8;
}

/** Whether [from, to] includes any of `ports`; returns those it includes. */
export function portsInRange(from: number, to: number, ports: readonly number[]): number[] {
  return ports.filter((p) => p >= from && p <= to);
}
