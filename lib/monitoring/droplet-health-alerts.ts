/**
 * DigitalOcean monitor alerts on a droplet's CPU, memory and disk, independent of the monitoring server
 * (they still fire when that is down). Usable on their own, in the stack that owns the droplets.
 */
import { cdk, digitaloceanProvider } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { MonitorAlert } from '@cdktf/provider-digitalocean/lib/monitor-alert';
import type { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { DIGITALOCEAN_TAG, PropValidator } from '../validate';
import { MonitoringAlarmError } from './alarm-error';

/** DigitalOcean's provider bindings, loaded when the first construct is made (cdktf only: see aspects/cdk.ts). */
const digitaloceanClasses = () => ({
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/monitor-alert')>('monitor-alert'),
});

export interface DropletHealthThresholds {
  /** @default 85 */
  readonly cpuPercent?: number;
  /** @default 90 */
  readonly memoryPercent?: number;
  /** @default 85 */
  readonly diskPercent?: number;
}

export interface DropletHealthAlertsProps {
  /** Prefix of the alerts' descriptions, e.g. `derp`. */
  readonly name: string;
  /**
   * Droplet ids to watch (tokens such as `droplet.id` are fine).
   * @default none (then dropletTags is required)
   */
  readonly dropletIds?: readonly string[];
  /**
   * Watch every droplet with one of these tags (e.g. `role:derp`), including ones created later.
   * @default none (then dropletIds is required)
   */
  readonly dropletTags?: readonly string[];
  /** Email addresses (of the DigitalOcean team) to notify. At least one. */
  readonly emails: readonly string[];
  /**
   * Slack webhooks. The URL is a credential: pass it as a token (a sensitive TerraformVariable), never a literal.
   * @default none
   */
  readonly slack?: readonly { readonly channel: string; readonly url: string }[];
  /** @default cpu 85, memory 90, disk 85 (percent) */
  readonly thresholds?: DropletHealthThresholds;
  /**
   * How long a threshold must be exceeded: 5m, 10m, 30m or 1h.
   * @default '10m'
   */
  readonly window?: '5m' | '10m' | '30m' | '1h';
  /** @default the stack's DigitalOcean provider */
  readonly provider?: DigitaloceanProvider;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** DigitalOcean monitor alerts on CPU, memory and disk utilisation of droplets (needs the monitoring agent). */
export class DropletHealthAlerts extends Construct {
  public readonly alerts: MonitorAlert[];

  constructor(scope: Construct, id: string, props: DropletHealthAlertsProps) {
    super(scope, id);
    const v = new PropValidator(this, 'DropletHealthAlerts', MonitoringAlarmError);
    const err = v.error.bind(v);
    if (!/^[A-Za-z0-9 ._-]{1,60}$/.test(props.name ?? '')) throw err('props.name', props.name ?? null, 'must be 1-60 letters, digits, spaces or . _ -');
    const ids = props.dropletIds ?? [];
    const tags = props.dropletTags ?? [];
    if (ids.length === 0 && tags.length === 0) throw err('props.dropletIds', ids, 'and props.dropletTags are both empty: the alerts would watch nothing');
    ids.forEach((d, i) => {
      if (!cdk.Token.isUnresolved(d) && !/^[0-9]+$/.test(d)) throw err(`props.dropletIds[${i}]`, d, 'must be a droplet id or a reference to one');
    });
    tags.forEach((t, i) => v.rule(`props.dropletTags[${i}]`, t, DIGITALOCEAN_TAG));
    if (!Array.isArray(props.emails) || props.emails.length === 0) throw err('props.emails', props.emails ?? null, 'must list at least one address');
    props.emails.forEach((e, i) => {
      if (!cdk.Token.isUnresolved(e) && !EMAIL.test(e)) throw err(`props.emails[${i}]`, e, 'must be an email address');
    });
    (props.slack ?? []).forEach((s, i) => {
      if (!cdk.Token.isUnresolved(s.url))
        throw err(
          `props.slack[${i}].url`,
          '<redacted>',
          'is a literal; a webhook URL is a credential and would sit in plain text in cdk.tf.json. Pass a sensitive TerraformVariable.',
        );
    });
    const t = props.thresholds ?? {};
    const thresholds: [string, string, number][] = [
      ['cpu', 'v1/insights/droplet/cpu', t.cpuPercent ?? 85],
      ['memory', 'v1/insights/droplet/memory_utilization_percent', t.memoryPercent ?? 90],
      ['disk', 'v1/insights/droplet/disk_utilization_percent', t.diskPercent ?? 85],
    ];
    for (const [what, , value] of thresholds) {
      if (!Number.isFinite(value) || value <= 0 || value >= 100) throw err(`props.thresholds.${what}Percent`, value, 'must be a percentage between 0 and 100');
    }
    const window = props.window ?? '10m';
    if (!['5m', '10m', '30m', '1h'].includes(window)) throw err('props.window', window, "must be '5m', '10m', '30m' or '1h'");
    this.alerts = thresholds.map(
      ([what, type, value]) =>
        new (digitaloceanClasses().MonitorAlert)(this, what, {
          type,
          compare: 'GreaterThan',
          value,
          window,
          enabled: true,
          description: `${props.name}: ${what} above ${value}% for ${window}`,
          ...(ids.length > 0 ? { entities: [...ids] } : {}),
          ...(tags.length > 0 ? { tags: [...tags] } : {}),
          alerts: { email: [...props.emails], ...(props.slack?.length ? { slack: props.slack.map((s) => ({ channel: s.channel, url: s.url })) } : {}) },
          provider: props.provider,
        }),
    );
  }
}
