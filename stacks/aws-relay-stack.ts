/**
 * One AWS derpMap region: its relays (two or more mesh, with the region's key from the secret store), each with
 * a pinned Elastic IP (a literal in the derpMap), DNS records in Route 53 and a CloudWatch alarm on its status
 * checks.
 */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { DerpVersions } from '../lib/boot';
import type { SecretReference } from '../lib/contracts/secret-reference';
import { AlertTopic, Ec2StatusCheckAlarm } from '../lib/monitoring';
import { AwsDerpRelay } from '../lib/relay';
import { awsProvider } from './aws-provider';
import { ALERT_EMAILS, AWS_ACCOUNT_ID, DERP_ROUTE53_ZONE_ID, type AwsRelaySite } from './config';

export interface AwsRelayStackProps {
  readonly site: AwsRelaySite;
  /** The fleet's versions (DerpFleet.versions): one Tailscale version everywhere. */
  readonly versions: DerpVersions;
  readonly authKeySecret: SecretReference;
  /** The region's mesh key; required when the site has more than one node. */
  readonly meshKeySecret: SecretReference;
}

export class AwsRelayStack extends TerraformStack {
  readonly relays: readonly AwsDerpRelay[];

  constructor(scope: Construct, props: AwsRelayStackProps) {
    const { site } = props;
    super(scope, site.stack);
    awsProvider(this, site.region);
    const regionHostnames = site.nodes.map((n) => n.hostname);
    // Alarms publish only to a topic in their own region: one per relay region.
    const alerts = new AlertTopic(this, 'alerts', { name: `derp-alerts-${site.regionCode}`, accountId: AWS_ACCOUNT_ID, region: site.region, emails: ALERT_EMAILS });
    this.relays = site.nodes.map((node) => {
      const relay = new AwsDerpRelay(this, site.nodes.length === 1 ? 'relay' : `relay-${node.nodeName}`, {
        hostname: node.hostname,
        nodeName: node.nodeName,
        regionId: site.regionId,
        regionCode: site.regionCode,
        regionName: site.regionName,
        vpcId: site.vpcId,
        subnetId: site.subnetId,
        amiId: site.amiId,
        amiArchitecture: site.amiArchitecture,
        instanceType: site.instanceType,
        certMode: 'letsencrypt',
        versions: props.versions,
        authKeySecret: props.authKeySecret,
        // The SecretStore grants this role (secrets stack): one permission, behind the store's key policy.
        authKeySecretAccess: 'granted-elsewhere',
        elasticIp: node.elasticIp,
        dnsZone: { route53ZoneId: DERP_ROUTE53_ZONE_ID },
        ...(site.nodes.length > 1 ? { mesh: { keySecret: props.meshKeySecret, regionHostnames } } : {}),
      });
      new Ec2StatusCheckAlarm(this, `status-check-${node.nodeName}`, { alarmName: `derp-${node.nodeName}-status-check`, instanceId: relay.instance.id, alarmActions: [alerts.topicArn] });
      return relay;
    });
  }

  /** The first relay (the only one in a region of one node). */
  get relay(): AwsDerpRelay {
    return this.relays[0];
  }
}
