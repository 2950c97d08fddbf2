/**
 * What a monitoring server is, whatever cloud it runs on: the fleet it watches, the one access model
 * (`tag:monitoring -> tag:derp:9100`) that makes both the tailnet ACL entry and the scrape targets, the
 * Prometheus, blackbox and alert-rule configurations, and the cloud-config that installs them. AwsMonitoring
 * and DigitalOceanMonitoring (and the deprecated Monitoring) build their cloud's server around it.
 */
import { createHash } from 'crypto';
import type { Construct } from 'constructs';
import type { DerpNodeInfo } from '../contracts/derp-node';
import type { ITailnetPolicy } from '../contracts/tailnet-policy';
import { ConstructConfigError } from '../errors';
import type { IDerpNodeSource } from '../contracts/derp-node';
import { TAILSCALE_VERSION } from '../boot/versions';
import { checkTagOwner } from '../tailnet/syntax';
import { PropValidator } from '../validate';
import { DERP_EXPORTER_ACCESS, accessAcl, accessProblem, type TailnetAccess } from './access';
import { renderAlertRules } from './alert-rules';
import { hasReceiver, renderAlertmanagerConfig, type AlertEmail, type AlertReceivers } from './alertmanager-config';
import { renderProbeDerpMap } from './derpprobe';
import { HTTPS_MODULE, renderBlackboxConfig, type DerpProbePath } from './blackbox-config';
import { PATHS, renderMonitoringCloudInit, type JoinKeySource } from './cloud-init';
import { LOCAL, renderPrometheusConfig } from './prometheus-config';
import { defaultNodeTailnetName, nodeTargets, type NodeTargets } from './targets';

/** A monitoring prop is invalid. Names the construct (AwsMonitoring, DigitalOceanMonitoring or Monitoring), its path and the prop. */
export class MonitoringError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind = 'Monitoring') {
    super({ constructKind, constructPath, prop, value, reason });
    this.name = 'MonitoringError';
  }
}

/** The only outbound traffic the server needs, and why. */
export const MONITORING_EGRESS: readonly { readonly protocol: 'tcp' | 'udp'; readonly port: number; readonly why: string }[] = [
  { protocol: 'tcp', port: 443, why: 'HTTPS: packages, pkgs.tailscale.com, tailscale control and DERP, Secrets Manager, DERP probes' },
  { protocol: 'tcp', port: 80, why: 'HTTP: Debian/Ubuntu package mirrors (apt verifies signatures)' },
  { protocol: 'udp', port: 41641, why: 'WireGuard: direct tailnet connections to the DERP nodes' },
  { protocol: 'udp', port: 3478, why: 'STUN: tailscale NAT traversal and the STUN probes of the DERP nodes' },
];

/** Props every monitoring server takes, whatever its cloud. */
export interface MonitoringBaseProps {
  /** The DERP nodes to watch (a DerpFleet). Read at synth, so relays added later are watched too. */
  readonly fleet: IDerpNodeSource;
  /**
   * Which tailnet tag may reach which exporters. Produces the ACL entry and the scrape targets.
   * @default { from: 'tag:monitoring', to: 'tag:derp', ports: [9100] }
   */
  readonly access?: TailnetAccess;
  /**
   * Tailnet policy to receive the ACL entry and the tag owners of `access.from`.
   * @default none: add accessAcl(access) to your policy yourself
   */
  readonly tailnetPolicy?: ITailnetPolicy;
  /**
   * Owners of the `access.from` tag.
   * @default ['autogroup:admin']
   */
  readonly monitoringTagOwners?: readonly string[];
  /**
   * Name of the server (instance/droplet name, prefix of alarm names).
   * @default 'derp-monitoring'
   */
  readonly name?: string;
  /**
   * The server's name on the tailnet.
   * @default the name
   */
  readonly tailnetHostName?: string;
  /**
   * A DERP node's name on the tailnet (where its exporters listen).
   * @default the first label of its host name (`derp-fra1.example.com` → `derp-fra1`)
   */
  readonly nodeTailnetName?: (node: DerpNodeInfo) => string;
  /**
   * The tailnet's MagicDNS suffix (`example-tailnet.ts.net`); targets become fully qualified.
   * @default none: short names, resolved through MagicDNS's search domain
   */
  readonly magicDnsSuffix?: string;
  /**
   * derper endpoint the HTTPS probe requests.
   * @default '/derp/probe'
   */
  readonly probePath?: DerpProbePath;
  /**
   * How long Prometheus keeps its data, in days.
   * @default 30
   */
  readonly retentionDays?: number;
  /**
   * Warn when a DERP node's TLS certificate expires within this many days.
   * @default 14
   */
  readonly certExpiryWarningDays?: number;
  /**
   * Further Alertmanagers (`host:port`) Prometheus sends alerts to, besides the server's own.
   * @default none: only the server's own Alertmanager
   */
  readonly alertmanagers?: readonly string[];
  /**
   * Where the server's Alertmanager sends alerts, besides the cloud's own destination (AWS: the alert SNS
   * topic, when it has subscribers or is given). HTTPS webhooks (no credential in the URL: it sits in the
   * user data) and email through an SMTP relay.
   * @default none (then the cloud's destination must exist, or alertsGoNowhere must be set)
   */
  readonly alerting?: { readonly webhooks?: readonly string[]; readonly email?: AlertEmail };
  /**
   * Accept a monitoring server whose alerts reach no one (no receiver, no subscriber, no external
   * Alertmanager). For tests and first deployments only.
   * @default false: synth refuses a monitoring server with nowhere to send alerts
   */
  readonly alertsGoNowhere?: boolean;
  /**
   * Run derpprobe (tailscale.com/cmd/derpprobe, built at the relays' pinned tailscale version) against the
   * fleet's nodes: TLS, STUN and packets relayed between nodes, as clients use them.
   * @default true
   */
  readonly derpprobe?: boolean;
  /**
   * sha256 the derpprobe binary built at boot must have (the build is reproducible: pin it from a first build).
   * @default not pinned: the Go toolchain is pinned by sha256 and modules are verified against sum.golang.org; the binary's hash is logged
   */
  readonly derpprobeSha256?: string;
  /**
   * Scrape derper's own metrics (/debug/varz on its DERP port) over the tailnet; adds `<from> -> <to>:443`
   * to the tailnet policy, and alerts on unreachable metrics and on relay releases that are old or unexpected.
   * @default true
   */
  readonly scrapeDerperMetrics?: boolean;
  /**
   * Alert when a relay runs a tailscale release older than this many days (30-730).
   * @default 180
   */
  readonly relayVersionMaxAgeDays?: number;
}

/** The port derper's metrics are scraped on over the tailnet (its DERP port). */
export const DERPER_METRICS_PORT = 443;

/** Instance, droplet and tailnet host names: one DNS label. */
export const SERVER_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The validated shared props, and everything rendered from them. */
export class MonitoringModel {
  readonly access: TailnetAccess;
  readonly name: string;
  readonly tailnetHostName: string;
  private readonly probePath: DerpProbePath;

  /** Validates `props` and adds the access model to the tailnet policy (both halves of the one model). */
  constructor(
    private readonly v: PropValidator,
    private readonly props: MonitoringBaseProps,
  ) {
    if (!props || typeof props !== 'object') v.fail('props', null, 'are required');
    if (!props.fleet || !('nodes' in props.fleet)) v.fail('props.fleet', null, 'must be a DerpFleet (anything with `nodes`)');
    const version = props.fleet.tailscaleVersion;
    if (version !== undefined && (typeof version !== 'string' || !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(version))) {
      v.fail(
        'props.fleet.tailscaleVersion',
        version,
        "must be a release version such as '1.102.3' (the fleet's one Tailscale version, which monitoring installs too)",
      );
    }
    this.access = props.access ?? DERP_EXPORTER_ACCESS;
    const problem = accessProblem(this.access);
    if (problem) v.fail(`props.access.${problem.prop}`, problem.value, problem.reason);
    this.name = props.name ?? 'derp-monitoring';
    if (!SERVER_NAME.test(this.name)) v.fail('props.name', this.name, "must be 1-63 lower-case letters, digits or '-', not starting or ending with '-'");
    this.tailnetHostName = props.tailnetHostName ?? this.name;
    if (!SERVER_NAME.test(this.tailnetHostName)) v.fail('props.tailnetHostName', this.tailnetHostName, "must be 1-63 lower-case letters, digits or '-'");
    if (props.magicDnsSuffix !== undefined && !/^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/.test(props.magicDnsSuffix)) {
      v.fail('props.magicDnsSuffix', props.magicDnsSuffix, "must be a DNS suffix such as 'example-tailnet.ts.net'");
    }
    this.probePath = v.oneOf('props.probePath', props.probePath ?? '/derp/probe', ['/derp/probe', '/generate_204'] as const);
    this.days('props.retentionDays', props.retentionDays ?? 30, 1, 3650);
    this.days('props.certExpiryWarningDays', props.certExpiryWarningDays ?? 14, 4, 60);
    (props.alertmanagers ?? []).forEach((a, i) => {
      if (!/^[a-z0-9.-]+:[0-9]{1,5}$/.test(a)) v.fail(`props.alertmanagers[${i}]`, a, "must be 'host:port'");
    });
    this.checkAlerting(props);
    this.derpprobe = v.boolean('props.derpprobe', props.derpprobe ?? true);
    if (props.derpprobeSha256 !== undefined)
      v.matching('props.derpprobeSha256', props.derpprobeSha256, /^[0-9a-f]{64}$/, 'a sha256 of 64 lower-case hex digits');
    this.derperMetrics = v.boolean('props.scrapeDerperMetrics', props.scrapeDerperMetrics ?? true);
    v.integer('props.relayVersionMaxAgeDays', props.relayVersionMaxAgeDays ?? 180, 30, 730);
    v.boolean('props.alertsGoNowhere', props.alertsGoNowhere ?? false);
    const owners = props.monitoringTagOwners ?? ['autogroup:admin'];
    if (owners.length === 0) v.fail('props.monitoringTagOwners', owners, 'must not be empty');
    owners.forEach((o, i) => {
      const p = checkTagOwner(o);
      if (p) v.fail(`props.monitoringTagOwners[${i}]`, o, p);
    });

    // The one model, both halves: the tailnet lets monitoring in, and Prometheus uses exactly that path.
    props.tailnetPolicy?.addTagOwner(this.access.from, owners);
    props.tailnetPolicy?.addAcl(accessAcl(this.access));
    if (this.derperMetrics) props.tailnetPolicy?.addAcl({ action: 'accept', src: [this.access.from], dst: [`${this.access.to}:${DERPER_METRICS_PORT}`] });
    // ... and the policy proves it at synth (and Tailscale on every change): monitoring reaches every exporter port.
    props.tailnetPolicy?.addTest({ src: this.access.from, proto: 'tcp', accept: this.access.ports.map((p) => `${this.access.to}:${p}`) });
  }

  /**
   * The Tailscale version the server installs and builds derpprobe at, and the release the relays are
   * expected to run: the fleet's, so the fleet and its monitoring run one version.
   */
  get tailscaleVersion(): string {
    return this.props.fleet.tailscaleVersion ?? TAILSCALE_VERSION;
  }

  readonly derpprobe: boolean;
  readonly derperMetrics: boolean;

  private checkAlerting(props: MonitoringBaseProps): void {
    const a = props.alerting;
    if (a === undefined) return;
    if (a === null || typeof a !== 'object') this.v.fail('props.alerting', a, 'must be { webhooks?, email? }');
    (a.webhooks ?? []).forEach((url, i) => {
      const prop = `props.alerting.webhooks[${i}]`;
      const text = this.v.literal(prop, url, 'an https URL');
      let parsed: URL | undefined;
      try {
        parsed = new URL(text);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.protocol !== 'https:') this.v.fail(prop, text, 'must be an https:// URL');
      if (parsed.username || parsed.password) this.v.fail(prop, '<redacted>', 'must not carry credentials (user:password@): the URL sits in the user data');
    });
    if (a.email !== undefined) {
      const e = a.email;
      this.v.nonEmptyList('props.alerting.email.to', e?.to, 'recipient address', (p, x) =>
        this.v.matching(p, x, /^[^@\s'"]+@[^@\s'"]+\.[^@\s'"]+$/, 'an email address'),
      );
      this.v.matching('props.alerting.email.from', e.from, /^[^@\s'"]+@[^@\s'"]+\.[^@\s'"]+$/, 'an email address');
      this.v.matching('props.alerting.email.smarthost', e.smarthost, /^[a-z0-9.-]+:[0-9]{1,5}$/, "an SMTP relay 'host:port'");
    }
  }

  /** The Alertmanager receivers: the props' plus the cloud's (an SNS topic on AWS). */
  receivers(snsTopic?: AlertReceivers['snsTopic']): AlertReceivers {
    return {
      ...(snsTopic ? { snsTopic } : {}),
      webhooks: this.props.alerting?.webhooks ?? [],
      ...(this.props.alerting?.email ? { email: this.props.alerting.email } : {}),
    };
  }

  /**
   * Synth: alerts must reach someone. `cloudDestination` says whether the cloud's own path notifies anyone
   * (AWS: the topic has subscribers or was given). `prop` names the prop that would add one.
   */
  alertDestinationProblems(receivers: AlertReceivers, cloudDestination: boolean, hint: string): string[] {
    if (this.props.alertsGoNowhere) return [];
    const external = (this.props.alertmanagers ?? []).length > 0;
    const local = hasReceiver({ ...receivers, snsTopic: cloudDestination ? receivers.snsTopic : undefined });
    if (local || external || cloudDestination) return [];
    return [
      this.v.error(
        'props.alerting',
        this.props.alerting ?? null,
        `gives the alerts nowhere to go: no webhook or email receiver, no external Alertmanager (props.alertmanagers), and ${hint}. Add one, or set alertsGoNowhere: true to accept alerts that reach no one`,
      ).message,
    ];
  }

  /** What Prometheus watches per DERP node (read at synth). */
  get targets(): NodeTargets[] {
    try {
      return nodeTargets(this.props.fleet.nodes, {
        access: this.access,
        nodeTailnetName: this.props.nodeTailnetName ?? defaultNodeTailnetName,
        magicDnsSuffix: this.props.magicDnsSuffix,
        probePath: this.probePath,
      });
    } catch (e) {
      this.v.fail('props.fleet', '<nodes>', (e as Error).message);
    }
  }

  get prometheusConfig(): string {
    return renderPrometheusConfig({
      targets: this.targets,
      ruleFiles: [PATHS.rules],
      alertmanagers: [LOCAL.alertmanager, ...(this.props.alertmanagers ?? [])],
      httpsModule: HTTPS_MODULE,
      derpprobe: this.derpprobe,
      derperMetrics: this.derperMetrics,
    });
  }

  get alertRules(): string {
    return renderAlertRules({
      certExpiryWarningDays: this.props.certExpiryWarningDays,
      derpprobe: this.derpprobe,
      derperMetrics: this.derperMetrics,
      relayVersionMaxAgeDays: this.props.relayVersionMaxAgeDays,
      expectedRelayVersion: this.tailscaleVersion,
    });
  }

  get blackboxConfig(): string {
    return renderBlackboxConfig(this.probePath);
  }

  /** The cloud-config text (before any compression). */
  cloudInit(joinKey: JoinKeySource, receivers: AlertReceivers = this.receivers()): string {
    const targets = this.targets;
    if (targets.length === 0) this.v.fail('props.fleet', [], 'has no DERP nodes to monitor');
    if (this.derperMetrics) {
      const other = targets.find((t) => t.derpPort !== DERPER_METRICS_PORT);
      if (other)
        this.v.fail(
          'props.scrapeDerperMetrics',
          true,
          `needs every node's DERP port to be ${DERPER_METRICS_PORT} (the tailnet ACL opens that port), but node '${other.node}' uses ${other.derpPort}`,
        );
    }
    return renderMonitoringCloudInit({
      prometheusConfig: this.prometheusConfig,
      alertRules: this.alertRules,
      blackboxConfig: this.blackboxConfig,
      stunTargets: targets.map((t) => ({ node: t.node, host: t.hostName, port: t.stunPort, region: t.regionCode })),
      tailnetTag: this.access.from,
      tailnetHostName: this.tailnetHostName,
      tailscaleVersion: this.tailscaleVersion,
      joinKey,
      retentionDays: this.props.retentionDays,
      alertmanagerConfig: renderAlertmanagerConfig(receivers),
      ...(this.derpprobe
        ? { derpprobe: { derpMap: renderProbeDerpMap(targets), ...(this.props.derpprobeSha256 ? { sha256: this.props.derpprobeSha256 } : {}) } }
        : {}),
    });
  }

  get alertmanagerConfig(): string {
    return renderAlertmanagerConfig(this.receivers());
  }

  /** 16 hex digits of the configuration's hash (without the join key, which depends on it). */
  configurationHash(): string {
    const text = this.cloudInit({ kind: 'user-data', keyReference: 'JOIN-KEY' });
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
  }

  /** Refuses user data over the cloud's limit, naming the fleet (its size is what grows). */
  checkUserDataSize(bytes: number, limit: number): void {
    if (bytes > limit)
      this.v.fail('props.fleet', `<${this.props.fleet.nodes.length} nodes>`, `makes user data of ${bytes} bytes, over the cloud's limit of ${limit}`);
  }

  private days(prop: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max) this.v.fail(prop, value, `must be a whole number from ${min} to ${max}`);
  }
}

/** The validator of a monitoring construct: its errors are MonitoringErrors naming `kind` and the construct's path. */
export function monitoringValidator(scope: Construct, kind: string): PropValidator {
  return new PropValidator(scope, kind, MonitoringError);
}
