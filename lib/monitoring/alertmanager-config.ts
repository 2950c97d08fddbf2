/**
 * Alertmanager on the monitoring server, so alerts reach someone: its configuration as a pure function
 * (checked with `amtool check-config` in the tests). It listens on 127.0.0.1 only; Prometheus sends to it
 * there. Receivers: an SNS topic (AWS: signed with the instance role, no credential in the user data), HTTPS
 * webhooks, and email through a smarthost. Every alert goes to every configured receiver.
 */
import { toYaml, type YamlValue } from './yaml';

/** Where Alertmanager listens (local only) and how Prometheus reaches it. */
export const ALERTMANAGER_LISTEN = '127.0.0.1:9093';

/** Email through an SMTP relay that accepts mail from this server without a password (none is put in user data). */
export interface AlertEmail {
  /** Recipients. */
  readonly to: readonly string[];
  /** Sender address. */
  readonly from: string;
  /** SMTP relay `host:port` (STARTTLS is required). */
  readonly smarthost: string;
}

/** Where Alertmanager sends alerts. */
export interface AlertReceivers {
  /**
   * An SNS topic, published to with the instance role's credentials (SigV4).
   * @default none
   */
  readonly snsTopic?: { readonly topicArn: string; readonly region: string };
  /**
   * HTTPS webhook URLs (Alertmanager's webhook payload). They sit in the user data: use URLs that carry no
   * credential (an internal relay, not a Slack URL with its token).
   * @default none
   */
  readonly webhooks?: readonly string[];
  /**
   * Email through a smarthost.
   * @default none
   */
  readonly email?: AlertEmail;
}

/** Whether anything receives alerts. */
export function hasReceiver(r: AlertReceivers): boolean {
  return r.snsTopic !== undefined || (r.webhooks ?? []).length > 0 || (r.email?.to ?? []).length > 0;
}

export const RECEIVER = 'derp-oncall';

export function renderAlertmanagerConfig(r: AlertReceivers): string {
  const receiver: { [key: string]: YamlValue } = { name: RECEIVER };
  if (r.snsTopic) {
    receiver.sns_configs = [{ topic_arn: r.snsTopic.topicArn, sigv4: { region: r.snsTopic.region }, send_resolved: true }];
  }
  if (r.webhooks && r.webhooks.length > 0) receiver.webhook_configs = r.webhooks.map((url) => ({ url, send_resolved: true }));
  if (r.email && r.email.to.length > 0) {
    receiver.email_configs = [{ to: r.email.to.join(', '), from: r.email.from, smarthost: r.email.smarthost, require_tls: true, send_resolved: true }];
  }
  return toYaml({
    route: {
      receiver: RECEIVER,
      group_by: ['alertname', 'derp_node'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
    },
    receivers: [receiver],
    inhibit_rules: [
      // A node that is down also fails its probes: page once, for the node.
      { source_matchers: ['alertname="DerpNodeExporterDown"'], target_matchers: ['severity="warning"'], equal: ['derp_node'] },
    ],
  });
}
