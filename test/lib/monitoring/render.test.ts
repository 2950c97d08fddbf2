/**
 * The rendered Prometheus, alert-rule and blackbox files, checked by the real tools: `promtool check config`,
 * `promtool check rules`, and `promtool test rules` (alerts fire on a failing series and stay quiet on a
 * healthy one).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ALERTS,
  HTTPS_MODULE,
  JOBS,
  PINNED_RELAY_VERSION,
  TAILSCALE_RELEASE_DATES,
  accessAcl,
  hasReceiver,
  nodeTargets,
  renderAlertRules,
  renderAlertmanagerConfig,
  renderBlackboxConfig,
  renderProbeDerpMap,
  renderPrometheusConfig,
  toYaml,
  DERP_EXPORTER_ACCESS,
} from '../../../lib/monitoring';
import type { DerpNodeInfo } from '../../../lib/contracts/derp-node';
import { findTool, run, testWithTool, tmpDir } from './tools';

const NODES: DerpNodeInfo[] = [
  { name: 'fra1', hostName: 'derp-fra1.example.com', stunPort: 3478, derpPort: 443, regionId: 900, regionCode: 'aws-fra', regionName: 'AWS Frankfurt' },
  { name: 'ams1', hostName: 'derp-ams1.example.com', stunPort: 3478, derpPort: 8443, regionId: 910, regionCode: 'do-ams', regionName: 'DO Amsterdam' },
];

function targets(access = DERP_EXPORTER_ACCESS) {
  return nodeTargets(NODES, { access, nodeTailnetName: (n) => n.hostName.split('.')[0], probePath: '/derp/probe' });
}

function writeRendered(dir: string, alertmanagers?: string[]) {
  const rules = path.join(dir, 'derp.rules.yml');
  const config = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(rules, renderAlertRules({ derpprobe: true, derperMetrics: true }));
  fs.writeFileSync(config, renderPrometheusConfig({ targets: targets(), ruleFiles: [rules], httpsModule: HTTPS_MODULE, alertmanagers }));
  return { rules, config };
}

describe('targets from the access model', () => {
  test('the ACL entry and the scrape targets come from the same ports', () => {
    const access = { from: 'tag:monitoring', to: 'tag:derp', ports: [9100, 9115] };
    expect(accessAcl(access)).toEqual({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100,9115'] });
    expect(targets(access)[0].exporters).toEqual(['derp-fra1:9100', 'derp-fra1:9115']);
    expect(accessAcl(DERP_EXPORTER_ACCESS)).toEqual({ action: 'accept', src: ['tag:monitoring'], dst: ['tag:derp:9100'] });
  });

  test('probe URLs use the public host name and a non-default DERP port', () => {
    expect(targets().map((t) => t.probeUrl)).toEqual(['https://derp-fra1.example.com/derp/probe', 'https://derp-ams1.example.com:8443/derp/probe']);
  });

  test('a node name that is not a DNS name is refused', () => {
    expect(() => nodeTargets(NODES, { access: DERP_EXPORTER_ACCESS, nodeTailnetName: () => 'Bad_Name', probePath: '/derp/probe' })).toThrow(
      /tailnet name "Bad_Name" of DERP node 'fra1'/,
    );
  });
});

describe('prometheus.yml', () => {
  test('scrapes every node exporter over the tailnet and probes every node, all local services on 127.0.0.1', () => {
    const text = renderPrometheusConfig({ targets: targets(), ruleFiles: ['/r.yml'], httpsModule: HTTPS_MODULE });
    expect(text).toContain('"derp-fra1:9100"');
    expect(text).toContain('"derp-ams1:9100"');
    expect(text).toContain('"https://derp-fra1.example.com/derp/probe"');
    expect(text).toContain('replacement: "127.0.0.1:9115"');
    expect(text).not.toMatch(/0\.0\.0\.0/);
    expect(text).not.toMatch(/alerting:/);
  });

  testWithTool('promtool', 'promtool check config accepts it (and the rule file it names)', (promtool) => {
    const { config } = writeRendered(tmpDir(), ['alertmanager.internal:9093']);
    const r = run(promtool, ['check', 'config', config]);
    expect(r.output).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });

  testWithTool('promtool', 'promtool check config rejects a broken config (the check can fail)', (promtool) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'bad.yml'), toYaml({ scrape_configs: [{ job_name: 'x', scrape_interval: 'often' }] }));
    expect(run(promtool, ['check', 'config', path.join(dir, 'bad.yml')]).status).not.toBe(0);
  });
});

describe('alert rules', () => {
  test('cover node down, failing DERP probes (HTTPS and STUN), disk and certificate expiry', () => {
    const text = renderAlertRules({ certExpiryWarningDays: 21, derpprobe: true, derperMetrics: true });
    for (const name of Object.values(ALERTS)) expect(text).toContain(`alert: "${name}"`);
    expect(text).toContain(`up{job=\\"${JOBS.exporters}\\"} == 0`);
    expect(text).toContain('< 21 * 86400');
  });

  testWithTool('promtool', 'promtool check rules accepts them', (promtool) => {
    const { rules } = writeRendered(tmpDir());
    const r = run(promtool, ['check', 'rules', rules]);
    expect(r.output).toMatch(new RegExp(`SUCCESS: ${Object.values(ALERTS).length} rules found`));
    expect(r.status).toBe(0);
  });

  testWithTool('promtool', 'promtool test rules: each alert fires on a failing series and not on a healthy one', (promtool) => {
    const dir = tmpDir();
    const { rules } = writeRendered(dir);
    const labels = 'derp_node="fra1",derp_hostname="derp-fra1.example.com"';
    const exporter = `job="${JOBS.exporters}",instance="derp-fra1:9100",${labels}`;
    const probe = `job="${JOBS.https}",instance="https://derp-fra1.example.com/derp/probe",${labels}`;
    const tests = {
      rule_files: [rules],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: `up{${exporter}}`, values: '0x20' },
            { series: `up{job="${JOBS.exporters}",instance="derp-ams1:9100",derp_node="ams1",derp_hostname="derp-ams1.example.com"}`, values: '1x20' },
            { series: `probe_success{${probe}}`, values: '0x20' },
            // Expires in 10 days (the test clock starts at 0).
            { series: `probe_ssl_earliest_cert_expiry{${probe}}`, values: `${10 * 86400}x120` },
            { series: `derp_stun_probe_success{${labels},derp_region_code="aws-fra"}`, values: '0x20' },
            { series: 'derp_stun_probe_last_run_timestamp_seconds', values: '0+60x20' },
          ],
          alert_rule_test: [
            {
              eval_time: '6m',
              alertname: ALERTS.exporterDown,
              exp_alerts: [
                {
                  exp_labels: {
                    severity: 'critical',
                    job: JOBS.exporters,
                    instance: 'derp-fra1:9100',
                    derp_node: 'fra1',
                    derp_hostname: 'derp-fra1.example.com',
                  },
                  exp_annotations: {
                    summary: 'DERP node fra1 (derp-fra1.example.com) is down or unreachable over the tailnet',
                    description:
                      'Prometheus cannot scrape the node exporter on derp-fra1:9100 over the tailnet for 5 minutes: the node, its tailscaled, or the tailnet ACL that lets monitoring reach it is broken.',
                  },
                },
              ],
            },
            { eval_time: '4m', alertname: ALERTS.exporterDown, exp_alerts: [] },
            { eval_time: '10m', alertname: ALERTS.stunProbeStale, exp_alerts: [] },
          ],
          promql_expr_test: [
            {
              expr: `ALERTS{alertname="${ALERTS.httpsProbeFailing}",alertstate="firing"}`,
              eval_time: '6m',
              exp_samples: [{ labels: `ALERTS{alertname="${ALERTS.httpsProbeFailing}",alertstate="firing",severity="critical",${probe}}`, value: 1 }],
            },
            { expr: `count(ALERTS{alertname="${ALERTS.stunProbeFailing}",alertstate="firing"})`, eval_time: '6m', exp_samples: [{ labels: '{}', value: 1 }] },
            { expr: `count(ALERTS{alertname="${ALERTS.certExpiring}",alertstate="firing"})`, eval_time: '70m', exp_samples: [{ labels: '{}', value: 1 }] },
            { expr: `count(ALERTS{alertname="${ALERTS.certExpiryCritical}",alertstate="firing"})`, eval_time: '70m', exp_samples: [] },
          ],
        },
      ],
    };
    const file = path.join(dir, 'tests.yml');
    fs.writeFileSync(file, toYaml(tests));
    const r = run(promtool, ['test', 'rules', file]);
    expect(r.output).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });
});

describe('client-side probes, derper metrics and relay versions', () => {
  test('prometheus.yml scrapes derpprobe locally and each derper over the tailnet with its public TLS name', () => {
    const text = renderPrometheusConfig({ targets: targets(), ruleFiles: ['/r.yml'], httpsModule: HTTPS_MODULE, derpprobe: true, derperMetrics: true });
    expect(text).toContain('job_name: "derpprobe"');
    expect(text).toContain('"127.0.0.1:8030"');
    expect(text).toMatch(
      /job_name: "derper-fra1"\n\s+scheme: "https"\n\s+metrics_path: "\/debug\/varz"\n\s+tls_config:\n\s+server_name: "derp-fra1.example.com"\n\s+insecure_skip_verify: false/,
    );
    expect(text).toContain('"derp-fra1:443"');
    expect(text).toContain('"derp-ams1:8443"');
  });

  testWithTool('promtool', 'promtool check config accepts the full configuration', (promtool) => {
    const dir = tmpDir();
    const rules = path.join(dir, 'r.yml');
    fs.writeFileSync(rules, renderAlertRules({ derpprobe: true, derperMetrics: true }));
    const config = path.join(dir, 'p.yml');
    fs.writeFileSync(
      config,
      renderPrometheusConfig({
        targets: targets(),
        ruleFiles: [rules],
        httpsModule: HTTPS_MODULE,
        derpprobe: true,
        derperMetrics: true,
        alertmanagers: ['127.0.0.1:9093'],
      }),
    );
    const r = run(promtool, ['check', 'config', config]);
    expect(r.output).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });

  test('the derpMap derpprobe probes: every node by host name and ports, regions grouped, no token', () => {
    const map = JSON.parse(renderProbeDerpMap(targets()));
    expect(map).toEqual({
      OmitDefaultRegions: true,
      Regions: {
        '900': {
          RegionID: 900,
          RegionCode: 'aws-fra',
          RegionName: 'AWS Frankfurt',
          Nodes: [{ Name: 'fra1', RegionID: 900, HostName: 'derp-fra1.example.com', STUNPort: 3478, DERPPort: 443 }],
        },
        '910': {
          RegionID: 910,
          RegionCode: 'do-ams',
          RegionName: 'DO Amsterdam',
          Nodes: [{ Name: 'ams1', RegionID: 910, HostName: 'derp-ams1.example.com', STUNPort: 3478, DERPPort: 8443 }],
        },
      },
    });
  });

  test('the pinned relay version has a release date (else its age could not be judged)', () => {
    expect(TAILSCALE_RELEASE_DATES[PINNED_RELAY_VERSION]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(renderAlertRules({ derperMetrics: true })).toContain(`version=~\\"${PINNED_RELAY_VERSION.replace(/\./g, '\\\\\\\\.')}(-.*)?\\"`);
  });

  testWithTool(
    'promtool',
    'promtool test rules: probe failures, unreachable derper metrics, old and unexpected relay versions fire; healthy series stay quiet',
    (promtool) => {
      const dir = tmpDir();
      const rules = path.join(dir, 'r.yml');
      // The test clock starts at the epoch: a release "in 1969" is old at any eval time.
      fs.writeFileSync(
        rules,
        renderAlertRules({
          derpprobe: true,
          derperMetrics: true,
          expectedRelayVersion: '1.2.0',
          releaseDates: { '1.0.0': '1969-01-01', '1.2.0': '1970-01-01' },
          relayVersionMaxAgeDays: 180,
        }),
      );
      const fra = 'derp_node="fra1",derp_hostname="derp-fra1.example.com"';
      const ams = 'derp_node="ams1",derp_hostname="derp-ams1.example.com"';
      const tests = {
        rule_files: [rules],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              { series: 'derpprobe_result{name="derp/aws-fra/derp-fra1.example.com/tls",class="derp_tls"}', values: '0x20' },
              { series: 'derpprobe_result{name="derp/do-ams/derp-ams1.example.com/stun",class="derp_stun"}', values: '1x20' },
              { series: `up{job="${JOBS.derpprobe}",instance="127.0.0.1:8030"}`, values: '1x20' },
              { series: `up{job="${JOBS.derper}",instance="derp-fra1:443",${fra}}`, values: '0x20' },
              { series: `up{job="${JOBS.derper}",instance="derp-ams1:443",${ams}}`, values: '1x20' },
              { series: `version{job="${JOBS.derper}",instance="derp-fra1:443",${fra},version="1.0.0-tabc",binary="derper"}`, values: '1x120' },
              { series: `version{job="${JOBS.derper}",instance="derp-ams1:443",${ams},version="1.2.0-tdef",binary="derper"}`, values: '1x120' },
            ],
            promql_expr_test: [
              {
                expr: `count(ALERTS{alertname="${ALERTS.probeFailing}",alertstate="firing",class="derp_tls"})`,
                eval_time: '6m',
                exp_samples: [{ labels: '{}', value: 1 }],
              },
              { expr: `count(ALERTS{alertname="${ALERTS.probeFailing}",alertstate="firing",class="derp_stun"})`, eval_time: '6m', exp_samples: [] },
              { expr: `count(ALERTS{alertname="${ALERTS.probeNotRunning}"})`, eval_time: '15m', exp_samples: [] },
              {
                expr: `count(ALERTS{alertname="${ALERTS.derperMetricsDown}",alertstate="firing",derp_node="fra1"})`,
                eval_time: '11m',
                exp_samples: [{ labels: '{}', value: 1 }],
              },
              { expr: `count(ALERTS{alertname="${ALERTS.derperMetricsDown}",derp_node="ams1"})`, eval_time: '11m', exp_samples: [] },
              // 1.0.0 (1969) is over 180 days old; 1.2.0 (1970-01-01) is not, at 70 minutes.
              {
                expr: `count(ALERTS{alertname="${ALERTS.relayVersionOld}",alertstate="firing",derp_node="fra1"})`,
                eval_time: '70m',
                exp_samples: [{ labels: '{}', value: 1 }],
              },
              { expr: `count(ALERTS{alertname="${ALERTS.relayVersionOld}",derp_node="ams1"})`, eval_time: '70m', exp_samples: [] },
              {
                expr: `count(ALERTS{alertname="${ALERTS.relayVersionUnexpected}",alertstate="firing",derp_node="fra1"})`,
                eval_time: '70m',
                exp_samples: [{ labels: '{}', value: 1 }],
              },
              { expr: `count(ALERTS{alertname="${ALERTS.relayVersionUnexpected}",derp_node="ams1"})`, eval_time: '70m', exp_samples: [] },
            ],
          },
          {
            interval: '1m',
            // derpprobe not scraped at all: its absence is an alert.
            input_series: [{ series: 'up{job="other"}', values: '1x20' }],
            promql_expr_test: [
              { expr: `count(ALERTS{alertname="${ALERTS.probeNotRunning}",alertstate="firing"})`, eval_time: '15m', exp_samples: [{ labels: '{}', value: 1 }] },
            ],
          },
        ],
      };
      const file = path.join(dir, 'tests.yml');
      fs.writeFileSync(file, toYaml(tests));
      const r = run(promtool, ['test', 'rules', file]);
      expect(r.output).toMatch(/SUCCESS/);
      expect(r.status).toBe(0);
    },
  );
});

describe('Alertmanager', () => {
  const configs: [string, Parameters<typeof renderAlertmanagerConfig>[0]][] = [
    ['SNS topic only', { snsTopic: { topicArn: 'arn:aws:sns:eu-central-1:123456789012:derp-monitoring-alerts', region: 'eu-central-1' } }],
    [
      'webhook and email',
      {
        webhooks: ['https://alerts.example.com/hook'],
        email: { to: ['oncall@example.com', 'infra@example.com'], from: 'derp@example.com', smarthost: 'smtp.example.com:587' },
      },
    ],
  ];

  test('one receiver with every destination; routes group by alert and node', () => {
    const text = renderAlertmanagerConfig(configs[1][1]);
    expect(text).toContain('receiver: "derp-oncall"');
    expect(text).toContain('url: "https://alerts.example.com/hook"');
    expect(text).toContain('to: "oncall@example.com, infra@example.com"');
    expect(text).toContain('require_tls: true');
    expect(renderAlertmanagerConfig(configs[0][1])).toMatch(
      /sns_configs:\n\s+- topic_arn: "arn:aws:sns:eu-central-1:123456789012:derp-monitoring-alerts"\n\s+sigv4:\n\s+region: "eu-central-1"/,
    );
    expect(hasReceiver({})).toBe(false);
    expect(hasReceiver({ webhooks: [] })).toBe(false);
  });

  for (const [name, receivers] of configs) {
    testWithTool('amtool', `amtool check-config accepts it: ${name}`, (amtool) => {
      const file = path.join(tmpDir(), 'alertmanager.yml');
      fs.writeFileSync(file, renderAlertmanagerConfig(receivers));
      const r = run(amtool, ['check-config', file]);
      expect(r.output).toMatch(/SUCCESS/);
      expect(r.status).toBe(0);
    });
  }

  testWithTool('amtool', 'amtool check-config rejects a broken one (the check can fail)', (amtool) => {
    const file = path.join(tmpDir(), 'alertmanager.yml');
    fs.writeFileSync(file, 'route:\n  receiver: nobody\nreceivers: []\n');
    expect(run(amtool, ['check-config', file]).status).not.toBe(0);
  });
});

describe('blackbox exporter config', () => {
  test('the HTTPS module insists on TLS with a verified certificate and the expected status', () => {
    const text = renderBlackboxConfig('/derp/probe');
    expect(text).toContain('fail_if_not_ssl: true');
    expect(text).toContain('insecure_skip_verify: false');
    expect(text).toMatch(/valid_status_codes:\n\s+- 200/);
    expect(renderBlackboxConfig('/generate_204')).toMatch(/valid_status_codes:\n\s+- 204/);
  });

  const blackbox = findTool('prometheus-blackbox-exporter') ? 'prometheus-blackbox-exporter' : 'blackbox_exporter';
  testWithTool(blackbox, 'the blackbox exporter accepts it (--config.check)', (bin) => {
    const file = path.join(tmpDir(), 'blackbox.yml');
    fs.writeFileSync(file, renderBlackboxConfig('/derp/probe'));
    const r = run(bin, ['--config.check', `--config.file=${file}`]);
    expect(r.status).toBe(0);
  });
});

describe('toYaml', () => {
  test('literal blocks keep multi-line text exactly, including trailing newlines', () => {
    const text = toYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: ' lead\n', e: [], f: {}, g: 'plain', h: [{ k: 1 }, 'v'] });
    expect(text).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: " lead\\n"\ne: []\nf: {}\ng: "plain"\nh:\n  - k: 1\n  - "v"\n');
  });
});
