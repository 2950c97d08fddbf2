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
import type { IDerpNodeSource } from '../fleet/derp-fleet';
import { checkTagOwner } from '../tailnet/syntax';
import { PropValidator } from '../validate';
import { DERP_EXPORTER_ACCESS, accessAcl, accessProblem, type TailnetAccess } from './access';
import { renderAlertRules } from './alert-rules';
import { HTTPS_MODULE, renderBlackboxConfig, type DerpProbePath } from './blackbox-config';
import { PATHS, renderMonitoringCloudInit, type JoinKeySource } from './cloud-init';
import { renderPrometheusConfig } from './prometheus-config';
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
   * Alertmanagers (`host:port`) Prometheus sends alerts to.
   * @default none: alerts show in Prometheus (and the cloud alarms notify)
   */
  readonly alertmanagers?: readonly string[];
}

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
    const owners = props.monitoringTagOwners ?? ['autogroup:admin'];
    if (owners.length === 0) v.fail('props.monitoringTagOwners', owners, 'must not be empty');
    owners.forEach((o, i) => {
      const p = checkTagOwner(o);
      if (p) v.fail(`props.monitoringTagOwners[${i}]`, o, p);
    });

    // The one model, both halves: the tailnet lets monitoring in, and Prometheus uses exactly that path.
    props.tailnetPolicy?.addTagOwner(this.access.from, owners);
    props.tailnetPolicy?.addAcl(accessAcl(this.access));
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
    return renderPrometheusConfig({ targets: this.targets, ruleFiles: [PATHS.rules], alertmanagers: this.props.alertmanagers, httpsModule: HTTPS_MODULE });
  }

  get alertRules(): string {
    return renderAlertRules({ certExpiryWarningDays: this.props.certExpiryWarningDays });
  }

  get blackboxConfig(): string {
    return renderBlackboxConfig(this.probePath);
  }

  /** The cloud-config text (before any compression). */
  cloudInit(joinKey: JoinKeySource): string {
    const targets = this.targets;
    if (targets.length === 0) this.v.fail('props.fleet', [], 'has no DERP nodes to monitor');
    return renderMonitoringCloudInit({
      prometheusConfig: this.prometheusConfig,
      alertRules: this.alertRules,
      blackboxConfig: this.blackboxConfig,
      stunTargets: targets.map((t) => ({ node: t.node, host: t.hostName, port: t.stunPort, region: t.regionCode })),
      tailnetTag: this.access.from,
      tailnetHostName: this.tailnetHostName,
      joinKey,
      retentionDays: this.props.retentionDays,
    });
  }

  /** 16 hex digits of the configuration's hash (without the join key, which depends on it). */
  configurationHash(): string {
    const text = this.cloudInit({ kind: 'user-data', keyReference: 'JOIN-KEY' });
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
  }

  /** Refuses user data over the cloud's limit, naming the fleet (its size is what grows). */
  checkUserDataSize(bytes: number, limit: number): void {
    if (bytes > limit) this.v.fail('props.fleet', `<${this.props.fleet.nodes.length} nodes>`, `makes user data of ${bytes} bytes, over the cloud's limit of ${limit}`);
  }

  private days(prop: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max) this.v.fail(prop, value, `must be a whole number from ${min} to ${max}`);
  }
}

/** The validator of a monitoring construct: its errors are MonitoringErrors naming `kind` and the construct's path. */
export function monitoringValidator(scope: Construct, kind: string): PropValidator {
  return new PropValidator(scope, kind, MonitoringError);
}
