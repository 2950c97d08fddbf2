/** Alert rules for the DERP fleet, as a pure function (tested with `promtool check rules`). */
import { JOBS } from './prometheus-config';
import { toYaml } from './yaml';

export interface AlertRuleOptions {
  /** Warn when a DERP certificate expires within this many days. @default 14 */
  readonly certExpiryWarningDays?: number;
  /** Alert when a file system has less than this share free. @default 0.1 */
  readonly diskFreeRatio?: number;
}

/** Names of the alerts, for tests and runbooks. */
export const ALERTS = {
  exporterDown: 'DerpNodeExporterDown',
  httpsProbeFailing: 'DerpHttpsProbeFailing',
  stunProbeFailing: 'DerpStunProbeFailing',
  stunProbeStale: 'DerpStunProbeNotRunning',
  diskLow: 'DerpNodeDiskSpaceLow',
  certExpiring: 'DerpCertificateExpiringSoon',
  certExpiryCritical: 'DerpCertificateExpiryCritical',
} as const;

export function renderAlertRules(options: AlertRuleOptions = {}): string {
  const certDays = options.certExpiryWarningDays ?? 14;
  const diskFree = options.diskFreeRatio ?? 0.1;
  const node = '{{ $labels.derp_node }} ({{ $labels.derp_hostname }})';
  return toYaml({
    groups: [
      {
        name: 'derp-fleet',
        rules: [
          {
            alert: ALERTS.exporterDown,
            expr: `up{job="${JOBS.exporters}"} == 0`,
            for: '5m',
            labels: { severity: 'critical' },
            annotations: {
              summary: `DERP node ${node} is down or unreachable over the tailnet`,
              description: 'Prometheus cannot scrape the node exporter on {{ $labels.instance }} over the tailnet for 5 minutes: the node, its tailscaled, or the tailnet ACL that lets monitoring reach it is broken.',
            },
          },
          {
            alert: ALERTS.httpsProbeFailing,
            expr: `probe_success{job="${JOBS.https}"} == 0`,
            for: '5m',
            labels: { severity: 'critical' },
            annotations: {
              summary: `DERP HTTPS probe of ${node} failing`,
              description: '{{ $labels.instance }} has not answered with a valid certificate and the expected status for 5 minutes; clients cannot relay through it.',
            },
          },
          {
            alert: ALERTS.stunProbeFailing,
            expr: 'derp_stun_probe_success == 0',
            for: '5m',
            labels: { severity: 'warning' },
            annotations: {
              summary: `STUN on DERP node ${node} not answering`,
              description: 'No STUN binding response from {{ $labels.derp_hostname }} for 5 minutes; clients behind NAT lose direct connections.',
            },
          },
          {
            alert: ALERTS.stunProbeStale,
            expr: 'absent(derp_stun_probe_last_run_timestamp_seconds) or time() - derp_stun_probe_last_run_timestamp_seconds > 300',
            for: '10m',
            labels: { severity: 'warning' },
            annotations: {
              summary: 'The STUN probe on the monitoring server is not running',
              description: 'derp-stun-probe.timer has not written results for over 5 minutes, so STUN failures would go unnoticed.',
            },
          },
          {
            alert: ALERTS.diskLow,
            expr: `node_filesystem_avail_bytes{job="${JOBS.exporters}",fstype!~"tmpfs|overlay|squashfs|ramfs"} / node_filesystem_size_bytes{job="${JOBS.exporters}",fstype!~"tmpfs|overlay|squashfs|ramfs"} < ${diskFree}`,
            for: '15m',
            labels: { severity: 'warning' },
            annotations: {
              summary: `Disk almost full on DERP node ${node}`,
              description: '{{ $labels.mountpoint }} has {{ $value | humanizePercentage }} free.',
            },
          },
          {
            alert: ALERTS.certExpiring,
            expr: `probe_ssl_earliest_cert_expiry{job="${JOBS.https}"} - time() < ${certDays} * 86400`,
            for: '1h',
            labels: { severity: 'warning' },
            annotations: {
              summary: `TLS certificate of ${node} expires within ${certDays} days`,
              description: 'The certificate served by {{ $labels.instance }} expires in {{ $value | humanizeDuration }}; renewal is not working.',
            },
          },
          {
            alert: ALERTS.certExpiryCritical,
            expr: `probe_ssl_earliest_cert_expiry{job="${JOBS.https}"} - time() < 3 * 86400`,
            for: '10m',
            labels: { severity: 'critical' },
            annotations: {
              summary: `TLS certificate of ${node} expires within 3 days`,
              description: 'The certificate served by {{ $labels.instance }} expires in {{ $value | humanizeDuration }}.',
            },
          },
        ],
      },
    ],
  });
}
