/**
 * One AWS derpMap region: its relays (two or more mesh, with the region's key from the secret store), each with
 * a pinned Elastic IP (a literal in the derpMap), DNS records in Route 53, a CloudWatch alarm on its status
 * checks, and its own single-use join key (a NodeJoinKey in the secrets stack, readable by its role only).
 */
import { cdk } from '../aspects/cdk';
import type { Construct } from 'constructs';
import type { DerpVersions } from '../lib/boot';
import type { SecretReference } from '../lib/contracts/secret-reference';
import { AlertTopic, Ec2StatusCheckAlarm } from '../lib/monitoring';
import { AwsDerpRelay } from '../lib/relay';
import { awsProvider } from './aws-provider';
import { ALERT_EMAILS, AWS_ACCOUNT_ID, DERP_ROUTE53_ZONE_ID, relayRoleName, type AwsRelaySite } from './config';

export interface AwsRelayStackProps {
  readonly site: AwsRelaySite;
  /** The fleet's versions (DerpFleet.versions): one Tailscale version everywhere. */
  readonly versions: DerpVersions;
  /**
   * Each node's own join key (SecretsStack.joinKey), by node name: a NodeJoinKey whose `nodeRole` is the
   * relay's role (`relayRoleName(nodeName)`) and whose tags are the ones the relay advertises.
   */
  readonly joinKeySecrets: ReadonlyMap<string, SecretReference>;
  /** The region's mesh key (SecretsStack.meshKeyReader); required when the site has more than one node. */
  readonly meshKeySecret?: SecretReference;
}

export class AwsRelayStack extends cdk.TerraformStack {
  readonly relays: readonly AwsDerpRelay[];

  constructor(scope: Construct, props: AwsRelayStackProps) {
    const { site } = props;
    super(scope, site.stack);
    awsProvider(this, site.region);
    const regionHostnames = site.nodes.map((n) => n.hostname);
    // Alarms publish only to a topic in their own region: one per relay region.
    const alerts = new AlertTopic(this, 'alerts', {
      name: `derp-alerts-${site.regionCode}`,
      accountId: AWS_ACCOUNT_ID,
      region: site.region,
      emails: ALERT_EMAILS,
    });
    if (site.nodes.length > 1 && !props.meshKeySecret)
      throw new Error(`AwsRelayStack '${site.stack}': a region of ${site.nodes.length} nodes meshes and needs props.meshKeySecret`);
    this.relays = site.nodes.map((node) => {
      const joinKey = props.joinKeySecrets.get(node.nodeName);
      if (!joinKey) throw new Error(`AwsRelayStack '${site.stack}': no join key for node '${node.nodeName}' in props.joinKeySecrets (SecretsStack.joinKey)`);
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
        ...(site.extraTailnetTags ? { extraTailnetTags: site.extraTailnetTags } : {}),
        // The node's own single-use key; its NodeJoinKey (secrets stack) lets this role, and only it, read it.
        authKeySecret: joinKey,
        authKeySecretAccess: 'granted-elsewhere',
        roleName: relayRoleName(node.nodeName),
        elasticIp: node.elasticIp,
        dnsZone: { route53ZoneId: DERP_ROUTE53_ZONE_ID },
        ...(site.nodes.length > 1 ? { mesh: { keySecret: props.meshKeySecret!, regionHostnames } } : {}),
      });
      new Ec2StatusCheckAlarm(this, `status-check-${node.nodeName}`, {
        alarmName: `derp-${node.nodeName}-status-check`,
        instanceId: relay.instance.id,
        alarmActions: [alerts.topicArn],
      });
      return relay;
    });
  }

  /** The first relay (the only one in a region of one node). */
  get relay(): AwsDerpRelay {
    return this.relays[0];
  }
}
