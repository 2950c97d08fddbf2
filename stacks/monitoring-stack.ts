/**
 * The monitoring server: no inbound port at all; it reaches every relay's node exporter on 9100 over the
 * tailnet because the policy says `tag:monitoring -> tag:derp:9100`, the same model that writes its scrape
 * configuration (and the policy test that proves it at synth). It joins with its own single-use key (a
 * NodeJoinKey in the secrets stack, readable by its role only) and installs the fleet's Tailscale version.
 */
import { cdk } from '../aspects/cdk';
import type { Construct } from 'constructs';
import type { SecretReference } from '../lib/contracts/secret-reference';
import type { DerpFleet } from '../lib/fleet';
import { AwsMonitoring } from '../lib/monitoring';
import type { TailnetPolicy } from '../lib/tailnet';
import { awsProvider } from './aws-provider';
import { ALERT_EMAILS, MONITORING_SITE } from './config';

export class MonitoringStack extends cdk.TerraformStack {
  readonly monitoring: AwsMonitoring;

  /** `joinKeySecret`: the server's own join key (SecretsStack.joinKey for MONITORING_SITE.roleName). */
  constructor(scope: Construct, id: string, props: { fleet: DerpFleet; policy: TailnetPolicy; joinKeySecret: SecretReference }) {
    super(scope, id);
    awsProvider(this, MONITORING_SITE.region);
    this.monitoring = new AwsMonitoring(this, 'monitoring', {
      fleet: props.fleet,
      tailnetPolicy: props.policy,
      monitoringTagOwners: ['group:infra'],
      name: MONITORING_SITE.name,
      vpcId: MONITORING_SITE.vpcId,
      subnetId: MONITORING_SITE.subnetId,
      amiId: MONITORING_SITE.amiId,
      // The AMI is arm64, so a Graviton type (t3.small, the construct's default, is refused with it).
      amiArchitecture: MONITORING_SITE.amiArchitecture,
      instanceType: MONITORING_SITE.instanceType,
      joinKeySecret: props.joinKeySecret,
      roleName: MONITORING_SITE.roleName,
      alertEmails: ALERT_EMAILS,
    });
  }
}
