/**
 * prometheus.yml for the monitoring server, as a pure function of the targets (tested with
 * `promtool check config`). Prometheus listens on 127.0.0.1 only; the exporters it scrapes are reached over
 * the tailnet, the DERP endpoints over the internet through the local blackbox exporter.
 */
import { toYaml, type YamlValue } from './yaml';
import type { NodeTargets } from './targets';

export const JOBS = {
  prometheus: 'prometheus',
  /** The monitoring server's own node exporter (also carries the STUN probe's textfile metrics). */
  self: 'monitoring-node',
  /** The DERP nodes' exporters, over the tailnet. */
  exporters: 'derp-exporters',
  /** HTTPS probes of the DERP endpoints, through the blackbox exporter. */
  https: 'derp-https-probe',
  /** derpprobe's results (TLS, STUN, packets relayed between nodes): what clients see. */
  derpprobe: 'derpprobe',
  /** derper's own metrics (/debug/varz), over the tailnet; one scrape config per node (its TLS name), all with this job label. */
  derper: 'derper',
} as const;

export const LOCAL = {
  prometheus: '127.0.0.1:9090',
  blackbox: '127.0.0.1:9115',
  nodeExporter: '127.0.0.1:9100',
  derpprobe: '127.0.0.1:8030',
  alertmanager: '127.0.0.1:9093',
} as const;

export interface PrometheusConfigOptions {
  readonly targets: readonly NodeTargets[];
  /** Rule files (absolute paths on the server). */
  readonly ruleFiles: readonly string[];
  /** @default 30s */
  readonly scrapeInterval?: string;
  /** Alertmanagers to send alerts to (`host:port`). @default none: alerts show in Prometheus only */
  readonly alertmanagers?: readonly string[];
  /** Scrape derpprobe on LOCAL.derpprobe. @default false */
  readonly derpprobe?: boolean;
  /** Scrape derper's /debug/varz on each node over the tailnet. @default false */
  readonly derperMetrics?: boolean;
  /** Name of the blackbox module for the HTTPS probe. */
  readonly httpsModule: string;
}

function nodeLabels(t: NodeTargets): Record<string, string> {
  return { derp_node: t.node, derp_hostname: t.hostName, derp_region_id: String(t.regionId), derp_region_code: t.regionCode };
}

export function renderPrometheusConfig(options: PrometheusConfigOptions): string {
  const interval = options.scrapeInterval ?? '30s';
  const config: { [key: string]: YamlValue } = {
    global: { scrape_interval: interval, evaluation_interval: interval, external_labels: { monitor: 'derp-monitoring' } },
    rule_files: [...options.ruleFiles],
    scrape_configs: [
      { job_name: JOBS.prometheus, static_configs: [{ targets: [LOCAL.prometheus] }] },
      { job_name: JOBS.self, static_configs: [{ targets: [LOCAL.nodeExporter] }] },
      {
        job_name: JOBS.exporters,
        scheme: 'http',
        static_configs: options.targets.map((t) => ({ targets: [...t.exporters], labels: nodeLabels(t) })),
      },
      {
        job_name: JOBS.https,
        metrics_path: '/probe',
        params: { module: [options.httpsModule] },
        static_configs: options.targets.map((t) => ({ targets: [t.probeUrl], labels: nodeLabels(t) })),
        relabel_configs: [
          { source_labels: ['__address__'], target_label: '__param_target' },
          { source_labels: ['__param_target'], target_label: 'instance' },
          { target_label: '__address__', replacement: LOCAL.blackbox },
        ],
      },
      ...(options.derpprobe ? [{ job_name: JOBS.derpprobe, metrics_path: '/debug/varz', static_configs: [{ targets: [LOCAL.derpprobe] }] }] : []),
      // derper serves /debug/varz on its DERP port to tailnet addresses only (tsweb's debug access check); the
      // certificate is for the public name, so each node is its own scrape config with that TLS name.
      ...(options.derperMetrics
        ? options.targets.map((t) => ({
            job_name: `${JOBS.derper}-${t.node}`,
            scheme: 'https',
            metrics_path: '/debug/varz',
            tls_config: { server_name: t.hostName, insecure_skip_verify: false },
            static_configs: [{ targets: [t.derperMetrics], labels: nodeLabels(t) }],
            relabel_configs: [{ target_label: 'job', replacement: JOBS.derper }],
          }))
        : []),
    ],
  };
  if (options.alertmanagers && options.alertmanagers.length > 0) {
    config.alerting = { alertmanagers: [{ static_configs: [{ targets: [...options.alertmanagers] }] }] };
  }
  return toYaml(config);
}
