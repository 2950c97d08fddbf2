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

/** Whether a CIDR string is the whole IPv4 or IPv6 internet (also `0.0.0.0` and `::` without a prefix). */
export function isInternetCidr(cidr: string): boolean {
  const c = cidr.trim().toLowerCase();
  return c === '0.0.0.0/0' || c === '::/0' || c === '0.0.0.0' || c === '::' || c === '0::/0' || c === '0:0:0:0:0:0:0:0/0';
}

/** Whether [from, to] includes any of `ports`; returns those it includes. */
export function portsInRange(from: number, to: number, ports: readonly number[]): number[] {
  return ports.filter((p) => p >= from && p <= to);
}
