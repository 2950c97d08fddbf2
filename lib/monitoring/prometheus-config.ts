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
} as const;

export const LOCAL = { prometheus: '127.0.0.1:9090', blackbox: '127.0.0.1:9115', nodeExporter: '127.0.0.1:9100' } as const;

export interface PrometheusConfigOptions {
  readonly targets: readonly NodeTargets[];
  /** Rule files (absolute paths on the server). */
  readonly ruleFiles: readonly string[];
  /** @default 30s */
  readonly scrapeInterval?: string;
  /** Alertmanagers to send alerts to (`host:port`). @default none: alerts show in Prometheus only */
  readonly alertmanagers?: readonly string[];
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
    ],
  };
  if (options.alertmanagers && options.alertmanagers.length > 0) {
    config.alerting = { alertmanagers: [{ static_configs: [{ targets: [...options.alertmanagers] }] }] };
  }
  return toYaml(config);
}
