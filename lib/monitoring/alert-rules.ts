/** Alert rules for the DERP fleet, as a pure function (tested with `promtool check rules`). */
import { JOBS } from './prometheus-config';
import { PINNED_RELAY_VERSION, TAILSCALE_RELEASE_DATES, releaseEpochSeconds, versionLabelPattern } from './relay-versions';
import { toYaml } from './yaml';

export interface AlertRuleOptions {
  /** Warn when a DERP certificate expires within this many days. @default 14 */
  readonly certExpiryWarningDays?: number;
  /** Alert when a file system has less than this share free. @default 0.1 */
  readonly diskFreeRatio?: number;
  /** Rules on derpprobe's results. @default false */
  readonly derpprobe?: boolean;
  /** Rules on derper's own metrics (up, version). @default false */
  readonly derperMetrics?: boolean;
  /** Alert when a relay runs a tailscale release older than this many days. @default 180 */
  readonly relayVersionMaxAgeDays?: number;
  /** The release the relays should run. @default PINNED_RELAY_VERSION (lib/boot TAILSCALE_VERSION) */
  readonly expectedRelayVersion?: string;
  /** Release dates (YYYY-MM-DD) by version. @default TAILSCALE_RELEASE_DATES */
  readonly releaseDates?: Readonly<Record<string, string>>;
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
  probeFailing: 'DerpProbeFailing',
  probeNotRunning: 'DerpProbeNotRunning',
  derperMetricsDown: 'DerperMetricsUnreachable',
  relayVersionOld: 'DerpRelayVersionTooOld',
  relayVersionUnexpected: 'DerpRelayVersionUnexpected',
} as const;

type Rule = { alert: string; expr: string; for: string; labels: Record<string, string>; annotations: Record<string, string> };

/** derpprobe: every probe of the fleet's derpMap (TLS, STUN, packet relay between nodes) must succeed. */
function derpprobeRules(): Rule[] {
  return [
    {
      alert: ALERTS.probeFailing,
      expr: 'derpprobe_result == 0',
      for: '5m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'derpprobe {{ $labels.class }} probe {{ $labels.name }} failing',
        description: 'A client-side probe of the fleet (TLS, STUN or packets relayed between DERP nodes) has failed for 5 minutes; clients see the same.',
      },
    },
    {
      alert: ALERTS.probeNotRunning,
      expr: `absent(up{job="${JOBS.derpprobe}"} == 1)`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'derpprobe is not running on the monitoring server',
        description: 'Prometheus cannot scrape derpprobe: failures of TLS, STUN and packet relay would go unnoticed.',
      },
    },
  ];
}

/** derper's /debug/varz: reachable over the tailnet, and the release it runs is neither unexpected nor too old. */
function derperRules(maxAgeDays: number, expected: string, dates: Readonly<Record<string, string>>): Rule[] {
  const node = '{{ $labels.derp_node }} ({{ $labels.derp_hostname }})';
  const known = Object.keys(dates).sort();
  if (known.length === 0) throw new Error('renderAlertRules: releaseDates is empty');
  const age = known
    .map((v) => `(version{job="${JOBS.derper}",version=~"${versionLabelPattern(v)}"} * 0 + time() - ${releaseEpochSeconds(v, dates)})`)
    .join(' or ');
  return [
    {
      alert: ALERTS.derperMetricsDown,
      expr: `up{job="${JOBS.derper}"} == 0`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: `derper metrics of ${node} unreachable over the tailnet`,
        description: "Prometheus cannot read derper's /debug/varz over the tailnet: the node's tailscaled, the tailnet ACL or derper is broken.",
      },
    },
    {
      alert: ALERTS.relayVersionOld,
      expr: `(${age}) > ${maxAgeDays} * 86400`,
      for: '1h',
      labels: { severity: 'warning' },
      annotations: {
        summary: `DERP node ${node} runs a tailscale release older than ${maxAgeDays} days`,
        description: 'derper {{ $labels.version }} was released {{ $value | humanizeDuration }} ago; update the pinned version and replace the relay.',
      },
    },
    {
      alert: ALERTS.relayVersionUnexpected,
      expr: `version{job="${JOBS.derper}",version!~"${versionLabelPattern(expected)}"}`,
      for: '1h',
      labels: { severity: 'warning' },
      annotations: {
        summary: `DERP node ${node} runs derper {{ $labels.version }}, not ${expected}`,
        description: 'The fleet is pinned to one release; this relay was built from another (or its age is unknown here).',
      },
    },
  ];
}

export function renderAlertRules(options: AlertRuleOptions = {}): string {
  const certDays = options.certExpiryWarningDays ?? 14;
  const diskFree = options.diskFreeRatio ?? 0.1;
  const extra: Rule[] = [
    ...(options.derpprobe ? derpprobeRules() : []),
    ...(options.derperMetrics
      ? derperRules(
          options.relayVersionMaxAgeDays ?? 180,
          options.expectedRelayVersion ?? PINNED_RELAY_VERSION,
          options.releaseDates ?? TAILSCALE_RELEASE_DATES,
        )
      : []),
  ];
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
              description:
                'Prometheus cannot scrape the node exporter on {{ $labels.instance }} over the tailnet for 5 minutes: the node, its tailscaled, or the tailnet ACL that lets monitoring reach it is broken.',
            },
          },
          {
            alert: ALERTS.httpsProbeFailing,
            expr: `probe_success{job="${JOBS.https}"} == 0`,
            for: '5m',
            labels: { severity: 'critical' },
            annotations: {
              summary: `DERP HTTPS probe of ${node} failing`,
              description:
                '{{ $labels.instance }} has not answered with a valid certificate and the expected status for 5 minutes; clients cannot relay through it.',
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
          ...extra,
        ],
      },
    ],
  });
}
