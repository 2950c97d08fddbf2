/**
 * The monitoring server's first boot, as cloud-config (tested with `cloud-init schema`, and its scripts with
 * `bash -n` and shellcheck): Prometheus, the blackbox exporter and a node exporter from the distribution's
 * packages, all listening on 127.0.0.1 only; tailscale from pkgs.tailscale.com at the pinned version
 * (repository key checked against its pinned fingerprint); the STUN probe timer; then the join, as
 * `tag:monitoring`, with a key that never touches the disk. The install and join scripts are the relays'
 * (lib/boot/scripts), rendered with this server's paths.
 *
 * Everything here is a literal except, on DigitalOcean, the join key: a reference to a single-use,
 * preauthorized, tagged, short-lived tailscale_tailnet_key, written to a root-only file on /run (tmpfs).
 */
import { renderTailscaleBootEnv, type TailscaleBootEnv } from '../boot/boot-env';
import { installTailscaleScript } from '../boot/scripts/install-tailscale';
import { stripComments } from '../boot/scripts/strip-comments';
import { tailscaleJoinScript } from '../boot/scripts/tailscale-join';
import { TAILSCALE_REPO_KEY_FINGERPRINT, TAILSCALE_VERSION } from '../boot/versions';
import { ALERTMANAGER_LISTEN } from './alertmanager-config';
import { DERPPROBE, DERPPROBE_UNIT, INSTALL_DERPPROBE_SCRIPT, renderDerpprobeEnv } from './derpprobe';
import { REFRESH, REFRESH_HARDENING, REFRESH_SCRIPT } from './refresh-config';
import { STUN_PROBE, STUN_PROBE_SCRIPT, type StunTarget } from './stun-probe';
import { toYaml, type YamlValue } from './yaml';

export const PATHS = {
  configDir: '/etc/derp-monitoring',
  prometheusConfig: '/etc/derp-monitoring/prometheus.yml',
  rules: '/etc/derp-monitoring/rules/derp.rules.yml',
  blackboxConfig: '/etc/derp-monitoring/blackbox.yml',
  alertmanagerConfig: '/etc/derp-monitoring/alertmanager.yml',
  bootEnv: '/etc/derp-monitoring/boot.env',
  libDir: '/usr/local/lib/derp-monitoring',
  keyDir: '/run/derp-monitoring',
  keyFile: '/run/derp-monitoring/tailscale-authkey',
} as const;

/** How the join key reaches the server. */
export type JoinKeySource =
  /** Read at boot from Secrets Manager with the instance role (AWS). */
  | { readonly kind: 'aws-secrets-manager'; readonly secretId: string; readonly region: string }
  /** Written by cloud-init from the user data (DigitalOcean): a Terraform reference to a tailscale_tailnet_key. */
  | { readonly kind: 'user-data'; readonly keyReference: string };

export interface MonitoringCloudInitOptions {
  readonly prometheusConfig: string;
  readonly alertRules: string;
  readonly blackboxConfig: string;
  readonly stunTargets: readonly StunTarget[];
  readonly tailnetTag: string;
  readonly tailnetHostName: string;
  readonly joinKey: JoinKeySource;
  /**
   * The Tailscale version to install (and to build derpprobe at): the fleet's, so the relays and their
   * monitoring run one version.
   * @default TAILSCALE_VERSION (lib/boot)
   */
  readonly tailscaleVersion?: string;
  /** TSDB retention. @default 30 */
  readonly retentionDays?: number;
  /** Run a local Alertmanager with this configuration. @default none: no local Alertmanager */
  readonly alertmanagerConfig?: string;
  /** Build and run derpprobe against this derpMap (JSON). @default none: no derpprobe */
  readonly derpprobe?: { readonly derpMap: string; readonly sha256?: string };
}

/**
 * The sandbox of the STUN probe, as data: a reviewer reads its whole posture here. It runs as the
 * packaged `prometheus` user, may only write its own state directory, and may only open IP sockets (and
 * the local socket name resolution uses).
 */
export const STUN_PROBE_HARDENING: Readonly<Record<string, string>> = {
  User: 'prometheus',
  Group: 'prometheus',
  StateDirectory: STUN_PROBE.stateDir,
  StateDirectoryMode: '0755',
  UMask: '0022',
  NoNewPrivileges: 'yes',
  CapabilityBoundingSet: '',
  AmbientCapabilities: '',
  ProtectSystem: 'strict',
  ProtectHome: 'yes',
  PrivateTmp: 'yes',
  PrivateDevices: 'yes',
  ProtectKernelTunables: 'yes',
  ProtectKernelModules: 'yes',
  ProtectKernelLogs: 'yes',
  ProtectControlGroups: 'yes',
  ProtectClock: 'yes',
  ProtectHostname: 'yes',
  RestrictAddressFamilies: 'AF_INET AF_INET6 AF_UNIX',
  RestrictNamespaces: 'yes',
  RestrictRealtime: 'yes',
  RestrictSUIDSGID: 'yes',
  LockPersonality: 'yes',
  SystemCallArchitectures: 'native',
  SystemCallFilter: '@system-service',
};

function unit(sections: Record<string, Record<string, string>>): string {
  return Object.entries(sections)
    .map(
      ([name, directives]) =>
        `[${name}]\n${Object.entries(directives)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n')}\n`,
    )
    .join('\n');
}

const STUN_SERVICE = unit({
  Unit: { Description: 'STUN probe of every DERP node (Prometheus textfile metrics)', After: 'network-online.target', Wants: 'network-online.target' },
  Service: {
    Type: 'oneshot',
    ExecStart: `/usr/bin/python3 ${STUN_PROBE.script} --targets ${STUN_PROBE.targets} --out ${STUN_PROBE.output}`,
    ...STUN_PROBE_HARDENING,
  },
});

const REFRESH_SERVICE = unit({
  Unit: {
    Description: 'Re-apply the DERP monitoring configuration from the current EC2 user data',
    After: 'network-online.target cloud-final.service',
    Wants: 'network-online.target',
  },
  Service: { Type: 'oneshot', ExecStart: `/usr/bin/python3 ${REFRESH.script}`, ...REFRESH_HARDENING },
  Install: { WantedBy: 'multi-user.target' },
});

const STUN_TIMER = unit({
  Unit: { Description: 'Run the DERP STUN probe every 30 seconds' },
  Timer: { OnBootSec: '60s', OnUnitActiveSec: '30s', AccuracySec: '1s' },
  Install: { WantedBy: 'timers.target' },
});

/** Drop-ins that move each packaged service to 127.0.0.1 and to our configuration (no package conffile is edited). */
function dropIns(retentionDays: number, alertmanager: boolean): Record<string, string> {
  const override = (execStart: string) => unit({ Service: { ExecStart: '' } }).replace('ExecStart=\n', `ExecStart=\nExecStart=${execStart}\n`);
  return {
    '/etc/systemd/system/prometheus.service.d/derp-monitoring.conf': override(
      `/usr/bin/prometheus --config.file=${PATHS.prometheusConfig} --storage.tsdb.path=/var/lib/prometheus/metrics2/ --storage.tsdb.retention.time=${retentionDays}d --web.listen-address=127.0.0.1:9090`,
    ),
    '/etc/systemd/system/prometheus-blackbox-exporter.service.d/derp-monitoring.conf': override(
      `/usr/bin/prometheus-blackbox-exporter --config.file=${PATHS.blackboxConfig} --web.listen-address=127.0.0.1:9115`,
    ),
    '/etc/systemd/system/prometheus-node-exporter.service.d/derp-monitoring.conf': override(
      `/usr/bin/prometheus-node-exporter --web.listen-address=127.0.0.1:9100 --collector.textfile.directory=/var/lib/${STUN_PROBE.stateDir}`,
    ),
    ...(alertmanager
      ? {
          // No cluster (a single Alertmanager): nothing listens but the local API.
          '/etc/systemd/system/prometheus-alertmanager.service.d/derp-monitoring.conf': override(
            `/usr/bin/prometheus-alertmanager --config.file=${PATHS.alertmanagerConfig} --storage.path=/var/lib/prometheus/alertmanager/ --web.listen-address=${ALERTMANAGER_LISTEN} --cluster.listen-address=`,
          ),
        }
      : {}),
  };
}

/** The bootstrap script, with the optional parts (Alertmanager, derpprobe) in or out. */
export function bootstrapScript(parts: { alertmanager?: boolean; derpprobe?: boolean } = {}): string {
  const packages = [
    'prometheus',
    'prometheus-blackbox-exporter',
    'prometheus-node-exporter',
    ...(parts.alertmanager ? ['prometheus-alertmanager'] : []),
    'python3',
    'curl',
    'gnupg',
    'ca-certificates',
  ];
  const services = [
    'prometheus.service',
    'prometheus-blackbox-exporter.service',
    'prometheus-node-exporter.service',
    ...(parts.alertmanager ? ['prometheus-alertmanager.service'] : []),
  ];
  return BOOTSTRAP_TEMPLATE.replace('@PACKAGES@', packages.join(' '))
    .replace('@CHECKS@', parts.alertmanager ? `amtool check-config ${PATHS.alertmanagerConfig}\n` : '')
    .replace('@SERVICES@', services.join(' '))
    .replace(
      '@DERPPROBE@',
      parts.derpprobe ? `log "building derpprobe"\n${DERPPROBE.installScript}\nsystemctl daemon-reload\nsystemctl enable --now derpprobe.service\n` : '',
    );
}

const BOOTSTRAP_TEMPLATE = String.raw`#!/bin/bash
# First boot of the monitoring server (cloud-init runcmd). Fail-fast: a failed step stops the boot.
set -euo pipefail
log() { echo "derp-monitoring-boot: $*" >&2; }
export DEBIAN_FRONTEND=noninteractive

log "installing prometheus, the blackbox exporter and the node exporter"
apt-get update
apt-get install -y --no-install-recommends @PACKAGES@
promtool check config ${PATHS.prometheusConfig}
@CHECKS@install -d -o prometheus -g prometheus -m 0755 /var/lib/${STUN_PROBE.stateDir}
systemctl daemon-reload
systemctl restart @SERVICES@

log "installing tailscale"
${PATHS.libDir}/install-tailscale.sh
log "joining the tailnet"
${PATHS.libDir}/tailscale-join.sh

systemctl enable --now derp-stun-probe.timer
@DERPPROBE@if [ -f ${REFRESH.unit} ]; then
  # From the next boot on, a changed user data (a changed fleet) is applied.
  systemctl enable derp-monitoring-refresh.service
fi
log "done"
`;

/** The bootstrap script without Alertmanager and derpprobe (as before they existed). */
export const BOOTSTRAP_SCRIPT = bootstrapScript();

/**
 * The monitoring server's install-tailscale.sh: lib/boot's (the relays'), reading this server's boot.env, and
 * the distribution from /etc/os-release (the AMI or droplet image is the caller's choice). Shipped as the
 * relays ship it, without comment lines.
 */
export const INSTALL_TAILSCALE_SCRIPT = stripComments(installTailscaleScript(PATHS.bootEnv, 'os-release'));

/**
 * The monitoring server's tailscale-join.sh: lib/boot's (the relays'), with this server's paths, MagicDNS on
 * (Prometheus scrapes the DERP nodes by their tailnet names) and, on AWS, up to 30 minutes of tries to read
 * the key (60 reads, 30 s apart, as the relays): the key's value and the role's read grant (a NodeJoinKey in
 * the secrets stack) may be applied after this boot starts. Shipped without comment lines.
 */
export const TAILSCALE_JOIN_SCRIPT = stripComments(
  tailscaleJoinScript({
    paths: { bootEnv: PATHS.bootEnv, authKeyDir: PATHS.keyDir, authKeyFile: PATHS.keyFile },
    acceptDns: true,
    secretReadAttempts: 60,
  }),
);

/** Only characters that are inert inside single quotes, in YAML and in Terraform strings. */
const ENV_VALUE = /^[A-Za-z0-9:/_.@+=,-]*$/;

function bootEnv(options: MonitoringCloudInitOptions): string {
  const key = options.joinKey;
  const env: TailscaleBootEnv = {
    TAILSCALE_VERSION: options.tailscaleVersion ?? TAILSCALE_VERSION,
    TAILSCALE_KEY_FINGERPRINT: TAILSCALE_REPO_KEY_FINGERPRINT,
    TAILSCALE_TAGS: options.tailnetTag,
    TAILSCALE_NODE_NAME: options.tailnetHostName,
    // The DigitalOcean key travels in the user data, which the relays' join script calls digitalocean-metadata.
    AUTH_KEY_SOURCE: key.kind === 'aws-secrets-manager' ? 'aws-secrets-manager' : 'digitalocean-metadata',
    AUTH_KEY_SECRET_ID: key.kind === 'aws-secrets-manager' ? key.secretId : '',
    AUTH_KEY_REGION: key.kind === 'aws-secrets-manager' ? key.region : '',
  };
  for (const [k, v] of Object.entries(env)) {
    if (!ENV_VALUE.test(v)) throw new Error(`monitoring boot value ${k}=${JSON.stringify(v)} has characters that are not safe in a shell assignment`);
  }
  return renderTailscaleBootEnv(env);
}

interface WriteFile {
  readonly path: string;
  readonly content: string;
  readonly permissions: string;
  /** @default 'root:root' */
  readonly owner?: string;
}

/** The cloud-config document (`#cloud-config` then YAML). */
export function renderMonitoringCloudInit(options: MonitoringCloudInitOptions): string {
  const files: WriteFile[] = [
    { path: PATHS.bootEnv, content: bootEnv(options), permissions: '0600' },
    { path: PATHS.prometheusConfig, content: options.prometheusConfig, permissions: '0644' },
    { path: PATHS.rules, content: options.alertRules, permissions: '0644' },
    { path: PATHS.blackboxConfig, content: options.blackboxConfig, permissions: '0644' },
    { path: STUN_PROBE.targets, content: `${JSON.stringify(options.stunTargets, null, 1)}\n`, permissions: '0644' },
    { path: STUN_PROBE.script, content: STUN_PROBE_SCRIPT, permissions: '0755' },
    {
      path: `${PATHS.libDir}/bootstrap.sh`,
      content: bootstrapScript({ alertmanager: options.alertmanagerConfig !== undefined, derpprobe: options.derpprobe !== undefined }),
      permissions: '0700',
    },
    { path: `${PATHS.libDir}/install-tailscale.sh`, content: INSTALL_TAILSCALE_SCRIPT, permissions: '0700' },
    { path: `${PATHS.libDir}/tailscale-join.sh`, content: TAILSCALE_JOIN_SCRIPT, permissions: '0700' },
    { path: '/etc/systemd/system/derp-stun-probe.service', content: STUN_SERVICE, permissions: '0644' },
    { path: '/etc/systemd/system/derp-stun-probe.timer', content: STUN_TIMER, permissions: '0644' },
    ...Object.entries(dropIns(options.retentionDays ?? 30, options.alertmanagerConfig !== undefined)).map(([path, content]) => ({
      path,
      content,
      permissions: '0644',
    })),
    ...(options.alertmanagerConfig !== undefined
      ? [{ path: PATHS.alertmanagerConfig, content: options.alertmanagerConfig, permissions: '0640', owner: 'root:prometheus' }]
      : []),
    ...(options.derpprobe
      ? [
          { path: DERPPROBE.derpMap, content: options.derpprobe.derpMap, permissions: '0644' },
          { path: DERPPROBE.env, content: renderDerpprobeEnv(options.derpprobe.sha256, options.tailscaleVersion), permissions: '0600' },
          { path: DERPPROBE.installScript, content: INSTALL_DERPPROBE_SCRIPT, permissions: '0700' },
          { path: DERPPROBE.unit, content: DERPPROBE_UNIT, permissions: '0644' },
        ]
      : []),
    ...(options.joinKey.kind === 'aws-secrets-manager'
      ? [
          { path: REFRESH.script, content: REFRESH_SCRIPT, permissions: '0700' },
          { path: REFRESH.unit, content: REFRESH_SERVICE, permissions: '0644' },
        ]
      : []),
  ];
  for (const f of files) {
    // Terraform reads `${` and `%{` in any string as a template; none of our own files may contain one.
    if (/[$%]\{/.test(f.content)) throw new Error(`monitoring cloud-init: ${f.path} contains '\${' or '%{', which Terraform would interpret`);
  }
  if (options.joinKey.kind === 'user-data') {
    files.push({ path: PATHS.keyFile, content: options.joinKey.keyReference, permissions: '0600' });
  }
  const config: { [key: string]: YamlValue } = {
    // A tmpfs directory for the key, before write_files runs.
    bootcmd: [['install', '-d', '-m', '0700', '-o', 'root', '-g', 'root', PATHS.keyDir]],
    write_files: files.map((f) => ({ path: f.path, owner: f.owner ?? 'root:root', permissions: f.permissions, content: f.content })),
    runcmd: [[`${PATHS.libDir}/bootstrap.sh`]],
  };
  return `#cloud-config\n${toYaml(config)}`;
}
