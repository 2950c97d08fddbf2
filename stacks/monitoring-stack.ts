/**
 * The monitoring server: no inbound port at all; it reaches every relay's node exporter on 9100 over the
 * tailnet because the policy says `tag:monitoring -> tag:derp:9100`, the same model that writes its scrape
 * configuration.
 */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { SecretReference } from '../lib/contracts/secret-reference';
import type { DerpFleet } from '../lib/fleet';
import { AwsMonitoring } from '../lib/monitoring';
import type { TailnetPolicy } from '../lib/tailnet';
import { awsProvider } from './aws-provider';
import { ALERT_EMAILS, MONITORING_SITE } from './config';

export class MonitoringStack extends TerraformStack {
  readonly monitoring: AwsMonitoring;

  constructor(scope: Construct, id: string, props: { fleet: DerpFleet; policy: TailnetPolicy; joinKeySecret: SecretReference }) {
    super(scope, id);
    awsProvider(this, MONITORING_SITE.region);
    this.monitoring = new AwsMonitoring(this, 'monitoring', {
      fleet: props.fleet,
      tailnetPolicy: props.policy,
      monitoringTagOwners: ['group:infra'],
      vpcId: MONITORING_SITE.vpcId,
      subnetId: MONITORING_SITE.subnetId,
      amiId: MONITORING_SITE.amiId,
      // The AMI is arm64: a Graviton type (t3.small, the construct's default, cannot boot it).
      instanceType: MONITORING_SITE.instanceType,
      joinKeySecret: props.joinKeySecret,
      roleName: MONITORING_SITE.roleName,
      alertEmails: ALERT_EMAILS,
    });
    // The policy proves monitoring's path at synth (and Tailscale on every change): it reaches every exporter port.
    const { from, to, ports } = this.monitoring.access;
    props.policy.addTest({ src: from, proto: 'tcp', accept: ports.map((p) => `${to}:${p}`) });
  }
}
